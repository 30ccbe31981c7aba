/**
 * The compiled cart page (dist/weapp) in miniprogram-simulate against a real API server.
 * A signed-in buyer's session and a two-line cart are put in WeChat storage before the page
 * renders, exactly as the app's persisted stores would have left them; the page must then show
 * both lines and the grand total the server prices (unit price × quantity + each farmer's
 * shipping from POST /api/v1/checkout/preview).
 */
const { installTaroHost, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { apiClient } = require('./support/api-client')
const { installWxStorage, persisted, storeSession } = require('./support/wx-storage')

// The persisted cart store's key (src/stores/cart.ts).
const CART_KEY = 'xiangji-cart'

const yuan = (fen) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

let server
let api
let host
let storage
let token

/** Two products from different farmers, each with a spec in stock for the quantity wanted. */
async function pickTwoLines() {
  const products = (await api('/api/v1/products?limit=30')).items.filter((p) => p.status === 'on_sale')
  const lines = []
  for (const card of products) {
    if (lines.some((l) => l.farmerId === card.farmer.id)) continue
    const detail = await api(`/api/v1/products/${card.id}`)
    const quantity = lines.length === 0 ? 2 : 1
    const spec = detail.specs.find((s) => s.stock >= quantity + 1)
    if (!spec) continue
    lines.push({
      specId: spec.id,
      productId: detail.id,
      farmerId: detail.farmer.id,
      farmerName: detail.farmer.name,
      title: detail.title,
      specName: spec.name,
      unit: spec.unit,
      cover: detail.cover ? detail.cover.thumbUrl : null,
      lastSeenPriceFen: spec.priceFen,
      quantity,
    })
    if (lines.length === 2) return lines
  }
  throw new Error('the demo catalogue has no two farmers with stock')
}

/** What the cart should show: the API's unit prices × quantities, plus each farmer's shipping. */
async function expectedTotal(lines) {
  const preview = await api('/api/v1/checkout/preview', {
    method: 'POST',
    token,
    body: { items: lines.map((l) => ({ specId: l.specId, quantity: l.quantity })) },
  })
  const items = lines.reduce((sum, l) => sum + l.lastSeenPriceFen * l.quantity, 0)
  const shipping = preview.groups.reduce((sum, g) => sum + g.shippingFen, 0)
  expect(preview.groups.map((g) => g.farmer.id).sort()).toEqual(lines.map((l) => l.farmerId).sort())
  return items + shipping
}

let lines
let page
let firstRenderBytes = 0

beforeAll(async () => {
  server = await startServer()
  storage = installWxStorage()
  const client = apiClient(server.baseUrl)
  api = client.api

  const session = await client.signIn('buyer')
  token = session.token
  lines = await pickTwoLines()

  storeSession(session)
  global.wx.setStorageSync(CART_KEY, persisted({ lines }))

  host = installTaroHost()
  installWxRequest(server.baseUrl)
}, 90_000)

afterAll(async () => {
  await server?.stop()
})

it('shows both lines, grouped by farmer, and the grand total the server prices', async () => {
  const total = await expectedTotal(lines)
  page = renderPage('pages/cart/index')
  await waitFor(() => page.querySelector('#cart-total').dom.textContent === yuan(total))
  const text = page.dom.textContent
  for (const line of lines) {
    expect(text).toContain(line.title)
    expect(text).toContain(line.specName)
    expect(text).toContain(line.farmerName)
  }
  expect(text).toContain('去结算(2)')
  firstRenderBytes = host.setDataLog.filter((c) => c.route === 'pages/cart/index').reduce((sum, c) => sum + c.bytes, 0)
})

it('a tap on + raises the quantity, the store remembers it, and the total is priced again', async () => {
  const [first, second] = lines
  const plus = page.querySelector(`#cart-qty-${first.specId}-plus`)
  expect(plus).toBeTruthy()
  plus.dispatchEvent('tap')
  const raised = [{ ...first, quantity: first.quantity + 1 }, second]
  const total = await expectedTotal(raised)
  await waitFor(() => page.querySelector('#cart-total').dom.textContent === yuan(total))
  expect(page.querySelector(`#cart-qty-${first.specId}-value`).dom.textContent).toBe(String(first.quantity + 1))
  await waitFor(() => JSON.parse(storage.get(CART_KEY)).state.lines.find((l) => l.specId === first.specId).quantity === first.quantity + 1)
})

it('keeps the first render within the setData budget (P2: first render ≤ 64 KB)', () => {
  expect(firstRenderBytes).toBeGreaterThan(0)
  expect(firstRenderBytes).toBeLessThanOrEqual(64 * 1024)
})
