/**
 * The Content-Security-Policy in a real browser: the H5 storefront (demo login, a product with its
 * photos), the API docs (Swagger UI) and the sandbox cashier (a real prepay, paid) all work under
 * it, with not one CSP violation, neither an event nor a console message.
 */
import crypto from 'node:crypto'
import type { Browser, ConsoleMessage, Page } from 'playwright-core'
import { productApi, type ProductApi } from './support/api'
import { launchChromium, npmStart, visibleText, type RunningProduct } from './support/product'

let product: RunningProduct
let api: ProductApi
let browser: Browser
let page: Page
const violations: string[] = []
const consoleCsp: string[] = []

beforeAll(async () => {
  product = await npmStart()
  api = productApi(product.baseUrl)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation
      void report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI}${e.sample ? ` (${e.sample})` : ''}`)
    })
  })
  page.on('console', (msg: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(msg.text())) consoleCsp.push(msg.text())
  })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await product?.stop()
})

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); ) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Lets late resources (lazy chunks, images) load, then asserts nothing was refused so far. */
async function expectNoViolations(): Promise<void> {
  await page.waitForLoadState('networkidle')
  expect(violations).toEqual([])
  expect(consoleCsp).toEqual([])
}

it('the storefront home, demo login and a product page with its photos run under the CSP', async () => {
  const home = await page.goto(`${product.baseUrl}/`)
  expect(home?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  await page.locator('[id^="product-card-"]').first().waitFor()
  await page.goto(`${product.baseUrl}/#/pages/mine/index`)
  await page.locator('#demo-login-buyer').click()
  await visibleText(page, '城市买家·小林').waitFor()
  const { items } = await api.api<{ items: { id: number }[] }>('/api/v1/products')
  await page.goto(`${product.baseUrl}/#/pages/product/index?id=${items[0].id}`)
  await page.reload()
  const photo = page.locator('img[src*="/media/"]').filter({ visible: true }).first()
  await photo.waitFor()
  await page.waitForFunction(() => [...document.querySelectorAll('img[src*="/media/"]')].some((img) => (img as HTMLImageElement).naturalWidth > 0))
  await expectNoViolations()
})

it('the API docs (Swagger UI) render their operations under the CSP', async () => {
  await page.goto(`${product.baseUrl}/api/docs`)
  await page.locator('.opblock').first().waitFor()
  await expectNoViolations()
})

it('the sandbox cashier shows a real prepay and pays it under the CSP', async () => {
  const buyer = await api.persona('buyer')
  const { items } = await api.api<{ items: { id: number }[] }>('/api/v1/products')
  const detail = await api.api<{ specs: { id: number }[] }>(`/api/v1/products/${items[0].id}`)
  const address = await api.api<{ id: number }>('/api/v1/addresses', {
    method: 'POST',
    token: buyer.token,
    body: { name: '林晓', phone: '13800001234', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' },
  })
  const checkout = await api.api<{ id: number }>('/api/v1/orders', {
    method: 'POST',
    token: buyer.token,
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: { items: [{ specId: detail.specs[0].id, quantity: 1 }], addressId: address.id },
  })
  const pay = await api.api<{ sandboxCashierUrl: string | null }>(`/api/v1/checkouts/${checkout.id}/pay`, { method: 'POST', token: buyer.token, body: {} })
  expect(pay.sandboxCashierUrl).toEqual(expect.any(String))
  await page.goto(`${product.baseUrl}${pay.sandboxCashierUrl}`)
  await page.locator('#sandbox-pay-confirm:not([disabled])').waitFor()
  await page.locator('#sandbox-pay-confirm').click()
  // Paid: the cashier's script posted the payment and sent the browser back to the storefront.
  await page.waitForURL((url) => !url.pathname.startsWith('/sandbox/'))
  await expectNoViolations()
})

it('the watch itself works: an inline script injected into the storefront is refused and reported', async () => {
  await page.goto(`${product.baseUrl}/`)
  await page.locator('[id^="product-card-"]').first().waitFor()
  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.head.appendChild(script)
  })
  await until(() => violations.length > 0 && consoleCsp.length > 0)
  expect(violations).toHaveLength(1)
  expect(violations[0]).toMatch(/^script-src/)
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined()
  expect(consoleCsp).toHaveLength(1)
})
