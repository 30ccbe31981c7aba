/**
 * End to end, as a buyer in a browser against `npm start`: apples from one farmer and kiwifruit
 * from another, one checkout, paid in the sandbox cashier, then two orders 待发货 with timelines.
 */
import type { Browser, Page } from 'playwright-core'
import { launchChromium, npmStart, visibleText, type RunningProduct } from './support/product'

let product: RunningProduct
let browser: Browser
let page: Page

beforeAll(async () => {
  product = await npmStart()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await product?.stop()
})

async function findProduct(q: string, origin: string): Promise<{ id: number; title: string; farmer: { name: string } }> {
  const res = await fetch(`${product.baseUrl}/api/v1/products?q=${encodeURIComponent(q)}&inSeason=true`)
  const found = (await res.json()).items.find((p: { origin: string; status: string }) => p.origin.includes(origin) && p.status === 'on_sale')
  if (!found) throw new Error(`no ${q} from ${origin} in the demo data`)
  return found
}

async function addToCart(id: number, title: string): Promise<void> {
  await page.goto(`${product.baseUrl}/#/pages/product/index?id=${id}`)
  await page.reload()
  await visibleText(page, title).waitFor()
  await page.locator('#add-to-cart').filter({ visible: true }).click()
  await visibleText(page, '已加入购物车').waitFor()
}

it('a buyer orders apples and kiwifruit from two farmers, pays once in the sandbox cashier and sees two orders 待发货', async () => {
  const apple = await findProduct('苹果', '威宁')
  const kiwi = await findProduct('猕猴桃', '修文')
  expect(apple.farmer.name).not.toBe(kiwi.farmer.name)

  await page.goto(`${product.baseUrl}/#/pages/mine/index`)
  await page.locator('#demo-login-buyer').click()
  await visibleText(page, '城市买家·小林').waitFor()

  await addToCart(apple.id, apple.title)
  await addToCart(kiwi.id, kiwi.title)

  await page.goto(`${product.baseUrl}/#/pages/cart/index`)
  await page.reload()
  await visibleText(page, apple.farmer.name).waitFor()
  await visibleText(page, kiwi.farmer.name).waitFor()
  // the server has priced the cart (both farmers' groups) before checking out
  await page.locator('#cart-total').filter({ visible: true, hasText: /¥\d/ }).waitFor()
  await page.locator('#go-checkout').filter({ visible: true }).click()
  await page.waitForURL(/pages\/checkout\/index/)

  // A buyer with no saved address gets the address form straight away.
  await page.locator('#address-name input').filter({ visible: true }).waitFor()
  const fields: [string, string][] = [
    ['name', '林晓'],
    ['phone', '13800000000'],
    ['province', '贵州省'],
    ['city', '贵阳市'],
    ['district', '观山湖区'],
    ['detail', '林城西路 1 号'],
  ]
  for (const [key, value] of fields) await page.locator(`#address-${key} input`).filter({ visible: true }).fill(value)
  await page.locator('#address-save').filter({ visible: true }).click()
  await visibleText(page, '林城西路 1 号').waitFor()
  await page.locator('#place-order').filter({ visible: true }).click()

  // The sandbox cashier plays the buyer paying in WeChat.
  await page.locator('#sandbox-pay-confirm').click()
  await page.waitForURL(/pages\/pay-result\/index/)
  await visibleText(page, '支付成功').waitFor({ timeout: 30_000 })

  await page.goto(`${product.baseUrl}/#/pages/orders/index?status=paid`)
  await page.reload()
  const cards = page.locator('[id^="order-card-"]').filter({ visible: true })
  await cards.first().waitFor()
  expect(await cards.count()).toBe(2)
  await expect(cards.filter({ hasText: apple.farmer.name }).count()).resolves.toBe(1)
  await expect(cards.filter({ hasText: kiwi.farmer.name }).count()).resolves.toBe(1)

  for (const farmer of [apple.farmer.name, kiwi.farmer.name]) {
    await page.goto(`${product.baseUrl}/#/pages/orders/index?status=paid`)
    await page.reload()
    await page.locator('[id^="order-card-"]').filter({ visible: true, hasText: farmer }).click()
    await visibleText(page, '待发货').waitFor()
    const timeline = page.locator('#order-timeline').filter({ visible: true })
    await timeline.waitFor()
    // placed, then paid: two entries with China times
    await expect(timeline.textContent()).resolves.toMatch(/\d{2}:\d{2}[\s\S]*\d{2}:\d{2}/)
  }
  await page.screenshot({ path: 'test-results/e2e-order.png' })
})
