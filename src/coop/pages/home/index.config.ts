export default definePageConfig({
  navigationBarTitleText: '合作社工作台',
})
