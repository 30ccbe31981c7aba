export default definePageConfig({
  navigationBarTitleText: '待发货',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 300,
})
