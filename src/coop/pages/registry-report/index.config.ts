export default definePageConfig({
  navigationBarTitleText: '在册户收入',
})
