export default definePageConfig({
  navigationBarTitleText: '农户主页',
  enableShareAppMessage: true,
})
