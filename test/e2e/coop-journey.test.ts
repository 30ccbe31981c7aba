/**
 * End to end, in a browser against `npm start`: a buyer pays an order from the demo
 * cooperative's farmer (through the API and the sandbox cashier); the demo manager opens the
 * cooperative's workbench and sees it in the week at a glance, the farmer's draft statement,
 * the members and the impact page, and downloads the statements as CSV (fetch with the bearer
 * token, saved as a Blob) with Chinese intact.
 */
import fs from 'node:fs'
import crypto from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, npmStart, type RunningProduct } from './support/product'

let product: RunningProduct
let browser: Browser
let page: Page
let farmerId: number
const pageErrors: string[] = []

beforeAll(async () => {
  product = await npmStart()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true })
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)))
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await product?.stop()
})

const visible = (selector: string) => page.locator(selector).filter({ visible: true })

async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  if (init.token) headers.authorization = `Bearer ${init.token}`
  const res = await fetch(product.baseUrl + path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

async function persona(id: string): Promise<{ token: string; user: { farmerId: number | null } }> {
  const { code } = await api<{ code: string }>('/sandbox/wechat/dev/login-code', { method: 'POST', body: { persona: id } })
  return api('/api/v1/auth/login', { method: 'POST', body: { code } })
}

async function openPage(hash: string): Promise<void> {
  await page.goto(`${product.baseUrl}/#${hash}`)
  await page.reload()
}

it('the manager sees a paid order in the week, the statement, and downloads it', async () => {
  // a buyer pays for one of the demo farmer's products
  farmerId = (await persona('farmer')).user.farmerId!
  const buyer = await persona('buyer')
  const profile = await api<{ products: { id: number }[] }>(`/api/v1/farmers/${farmerId}`)
  let specId = 0
  for (const p of profile.products) {
    const detail = await api<{ specs: { id: number; stock: number }[] }>(`/api/v1/products/${p.id}`)
    specId = detail.specs.find((s) => s.stock > 0)?.id ?? 0
    if (specId) break
  }
  const address = await api<{ id: number }>('/api/v1/addresses', {
    method: 'POST',
    token: buyer.token,
    body: { name: '林晓', phone: '13800001234', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' },
  })
  const checkout = await api<{ id: number; orders: { id: number }[] }>('/api/v1/orders', {
    method: 'POST',
    token: buyer.token,
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: { items: [{ specId, quantity: 2 }], addressId: address.id },
  })
  const pay = await api<{ requestPayment: { package: string } }>(`/api/v1/checkouts/${checkout.id}/pay`, { method: 'POST', token: buyer.token, body: {} })
  await api('/sandbox/wechat/pay/cashier/pay', { method: 'POST', body: { prepayId: pay.requestPayment.package.replace('prepay_id=', '') } })
  for (let i = 0; i < 50; i++) {
    if ((await api<{ status: string }>(`/api/v1/orders/${checkout.orders[0].id}`, { token: buyer.token })).status === 'paid') break
    await new Promise((r) => setTimeout(r, 100))
  }

  // the manager signs in and opens the workbench
  await openPage('/pages/mine/index')
  await visible('#demo-login-coop_admin').click()
  await visible('#open-coop-home').click()
  await visible('#week-orders').filter({ hasText: '1单' }).waitFor()
  await visible('#week-buyers').filter({ hasText: '1位' }).waitFor()
  await visible('.c-bars__name').filter({ hasText: '张国华' }).first().waitFor()
  await visible('.c-bars__name').filter({ hasText: '广东省' }).first().waitFor()
  expect(await visible('.c-trend__col').count()).toBe(8)

  await visible('#open-settlements').click()
  const statement = visible(`#statement-${farmerId}`)
  await statement.filter({ hasText: '待确认' }).waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), visible('#download-settlements-csv').click()])
  expect(download.suggestedFilename()).toMatch(/^乡集结算单-\d{4}-W\d{2}\.csv$/)
  const csv = fs.readFileSync((await download.path())!, 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  expect(csv).toContain('张国华')
  expect(csv).toContain('待确认')

  await openPage('/coop/pages/members/index')
  await visible(`#member-${farmerId}`).filter({ hasText: '张国华' }).waitFor()
  await openPage('/coop/pages/impact/index')
  await visible('#impact-net').waitFor()
  await openPage('/coop/pages/home/index')
  await visible('#week-orders').waitFor()
  expect(pageErrors).toEqual([])
}, 180_000)
