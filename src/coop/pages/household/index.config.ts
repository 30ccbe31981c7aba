export default definePageConfig({
  navigationBarTitleText: '在册信息',
})
