export default defineAppConfig({
  // Main package: the buyer's pages. The first page is the home page.
  pages: [
    'pages/index/index',
    'pages/category/index',
    'pages/mine/index',
    'pages/search/index',
    'pages/product/index',
    'pages/farmer/index',
  ],
  subPackages: [
    { root: 'farmer', name: 'farmer', pages: ['pages/home/index'] },
    { root: 'coop', name: 'coop', pages: ['pages/home/index'] },
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
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
