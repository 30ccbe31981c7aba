/** Every page's address, and the ways to go there. */
import Taro from '@tarojs/taro'

/** What a checkout is asked for: spec ids and quantities (the server prices them). */
export interface CheckoutItem {
  specId: number
  quantity: number
}

/** Where the checkout's items came from: the cart (ordered lines leave it) or "立即购买". */
export type CheckoutSource = 'cart' | 'buy'

/** `[{specId: 12, quantity: 2}, {specId: 13, quantity: 1}]` → `12x2,13x1`. */
function encodeItems(items: readonly CheckoutItem[]): string {
  return items.map((i) => `${i.specId}x${i.quantity}`).join(',')
}

/** A comma-separated page parameter (`?ids=12,15`), percent-decoded, each part trimmed; [] when it does not decode. */
export function listParam(raw: string | undefined): string[] {
  if (!raw) return []
  try {
    return decodeURIComponent(raw)
      .split(',')
      .map((part) => part.trim())
  } catch {
    return []
  }
}

/** The reverse of encodeItems; anything malformed is dropped. */
export function parseCheckoutItems(raw: string | undefined): CheckoutItem[] {
  const items: CheckoutItem[] = []
  const seen = new Set<number>()
  for (const part of listParam(raw)) {
    const m = /^(\d{1,15})x(\d{1,3})$/.exec(part)
    if (!m) continue
    const specId = Number(m[1])
    const quantity = Number(m[2])
    if (specId < 1 || quantity < 1 || seen.has(specId)) continue
    seen.add(specId)
    items.push({ specId, quantity })
  }
  return items.slice(0, 50)
}

/** A page's `?id=`-style parameter as a positive integer id, or null. */
export function parseIdParam(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,15}$/.test(raw)) return null
  const id = Number(raw)
  return id >= 1 && Number.isSafeInteger(id) ? id : null
}

export const routes = {
  home: '/pages/index/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  mine: '/pages/mine/index',
  search: (q?: string) => (q ? `/pages/search/index?q=${encodeURIComponent(q)}` : '/pages/search/index'),
  product: (id: number) => `/pages/product/index?id=${id}`,
  farmer: (id: number) => `/pages/farmer/index?id=${id}`,
  checkout: (items: readonly CheckoutItem[], from: CheckoutSource) =>
    `/pages/checkout/index?items=${encodeURIComponent(encodeItems(items))}&from=${from}`,
  payResult: (checkoutId: number) => `/pages/pay-result/index?checkoutId=${checkoutId}`,
  orders: (status?: string | null) => (status ? `/pages/orders/index?status=${status}` : '/pages/orders/index'),
  order: (id: number) => `/pages/order/index?id=${id}`,
  /** The after-sale subpackage: file a claim on an order, follow one. */
  claim: (orderId: number) => `/after-sale/pages/claim/index?orderId=${orderId}`,
  claimDetail: (id: number) => `/after-sale/pages/claim-detail/index?id=${id}`,
  farmerHome: '/farmer/pages/home/index',
  coopHome: '/coop/pages/home/index',
} as const

/** Opens a (non-tab) page; when WeChat's 10-page stack is full, replaces the current one instead. */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => {
    Taro.redirectTo({ url }).catch(() => undefined)
  })
}

/** Replaces the current page (a submitted checkout should not be one "back" away). */
export function replacePage(url: string): void {
  Taro.redirectTo({ url }).catch(() => openPage(url))
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
