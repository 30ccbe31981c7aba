export default definePageConfig({
  navigationBarTitleText: '帮扶收入',
})
