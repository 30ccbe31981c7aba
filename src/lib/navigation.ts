/** Every page's address, and the ways to go there. */
import Taro from '@tarojs/taro'

export const routes = {
  home: '/pages/index/index',
  category: '/pages/category/index',
  mine: '/pages/mine/index',
  search: (q?: string) => (q ? `/pages/search/index?q=${encodeURIComponent(q)}` : '/pages/search/index'),
  product: (id: number) => `/pages/product/index?id=${id}`,
  farmer: (id: number) => `/pages/farmer/index?id=${id}`,
  farmerHome: '/farmer/pages/home/index',
  coopHome: '/coop/pages/home/index',
} as const

/** Opens a (non-tab) page; when WeChat's 10-page stack is full, replaces the current one instead. */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => {
    Taro.redirectTo({ url }).catch(() => undefined)
  })
}

export function openTab(url: string): void {
  Taro.switchTab({ url }).catch(() => undefined)
}

// A tab page cannot take query parameters through switchTab, so the category to show waits here.
let pendingCategory: string | null = null

export function openCategory(categoryId: string): void {
  pendingCategory = categoryId
  openTab(routes.category)
}

/** The category another page asked for, once. */
export function takePendingCategory(): string | null {
  const id = pendingCategory
  pendingCategory = null
  return id
}

export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) {
    Taro.navigateBack().catch(() => openTab(routes.home))
  } else {
    openTab(routes.home)
  }
}
