export default definePageConfig({
  navigationBarTitleText: '乡集',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
  enableShareAppMessage: true,
})
