export default definePageConfig({
  navigationBarTitleText: '我的结算单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
