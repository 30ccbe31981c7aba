export default definePageConfig({
  navigationBarTitleText: '售后与退款',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 300,
})
