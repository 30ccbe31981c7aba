export default defineAppConfig({
  // Main package: the buyer's pages. The first page is the home page.
  pages: [
    'pages/index/index',
    'pages/category/index',
    'pages/mine/index',
    'pages/search/index',
    'pages/product/index',
    'pages/farmer/index',
    'pages/cart/index',
    'pages/checkout/index',
    'pages/pay-result/index',
    'pages/orders/index',
    'pages/order/index',
  ],
  subPackages: [
    { root: 'farmer', name: 'farmer', pages: ['pages/home/index', 'pages/orders/index', 'pages/ship/index', 'pages/packing/index', 'pages/listings/index', 'pages/listing-edit/index', 'pages/stock/index', 'pages/join/index', 'pages/statements/index', 'pages/claims/index', 'pages/freight/index'] },
    { root: 'coop', name: 'coop', pages: ['pages/home/index', 'pages/members/index', 'pages/settlements/index', 'pages/impact/index', 'pages/reviews/index', 'pages/after-sales/index', 'pages/freight/index', 'pages/household/index', 'pages/household-import/index', 'pages/registry-report/index', 'pages/registry-audit/index'] },
    { root: 'after-sale', name: 'after-sale', pages: ['pages/claim/index', 'pages/claim-detail/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '乡集',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f4ef',
  },
  tabBar: {
    color: '#7a7468',
    selectedColor: '#d9480f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/category/index', text: '分类' },
      { pagePath: 'pages/cart/index', text: '购物车' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  // weapp: the checkout reads the buyer's WeChat address book (Taro.chooseAddress).
  requiredPrivateInfos: ['chooseAddress'],
  lazyCodeLoading: 'requiredComponents',
})
