export default definePageConfig({
  navigationBarTitleText: '打包清单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
