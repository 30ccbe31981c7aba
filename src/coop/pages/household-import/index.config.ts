export default definePageConfig({
  navigationBarTitleText: '导入县名单',
})
