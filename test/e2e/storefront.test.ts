/**
 * End to end, as a buyer in a browser: `npm start`, headless Chromium on the H5 storefront.
 * Demo-login as the buyer, search 苹果, open a Weining apple, see its farmer and price.
 */
import type { Browser, Page } from 'playwright-core'
import { formatFen } from '@domain/money'
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

it('npm start prints the storefront URL and the demo personas', () => {
  expect(product.output()).toMatch(/Open http:\/\/localhost:\d+\//)
  expect(product.output()).toContain('买家')
})

it('a buyer signs in with the demo login, searches 苹果 and opens a Weining apple with its farmer and price', async () => {
  await page.goto(`${product.baseUrl}/#/pages/mine/index`)
  await page.locator('#demo-login-buyer').click()
  await visibleText(page, '城市买家·小林').waitFor()

  await page.goto(`${product.baseUrl}/#/pages/search/index`)
  await page.locator('#search-input input').fill('苹果')
  await page.locator('#search-submit').click()
  const weiningApple = page.locator('[id^="product-card-"]').filter({ hasText: '威宁', visible: true }).filter({ hasText: '苹果' }).first()
  await weiningApple.waitFor()
  const id = Number((await weiningApple.getAttribute('id'))!.replace('product-card-', ''))

  const detail = await (await fetch(`${product.baseUrl}/api/v1/products/${id}`)).json()
  await weiningApple.click()
  await page.waitForURL(new RegExp(`pages/product/index\\?id=${id}`))
  // Taro keeps earlier pages in the DOM, hidden: look only at what is on screen.
  await visibleText(page, detail.title).waitFor()
  await visibleText(page, detail.farmer.name).waitFor()
  await visibleText(page, formatFen(detail.specs[0].priceFen)).waitFor()
  await page.screenshot({ path: 'test-results/e2e-product.png' })
})
