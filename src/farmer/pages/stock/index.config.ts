export default definePageConfig({
  navigationBarTitleText: '管理库存',
})
