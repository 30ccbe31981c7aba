export default definePageConfig({
  navigationBarTitleText: '查看与导出记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 300,
})
