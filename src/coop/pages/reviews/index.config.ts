export default definePageConfig({
  navigationBarTitleText: '待审核商品',
})
