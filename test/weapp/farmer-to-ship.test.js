/**
 * The farmer's 待发货 → 发货 flow in the compiled dist/weapp (miniprogram-simulate) against a
 * real API server with the demo data. A buyer places and pays an order for the demo farmer's
 * produce through the API and the sandbox cashier; the demo farmer's session is put in WeChat
 * storage the way src/stores/session.ts persists it; the queue must show the order, and the
 * ship page must ship it with the courier and tracking number entered, as the API then reports.
 */
const crypto = require('node:crypto')
const { installTaroHost, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { httpRequest } = require('./support/http')

// The persisted session store's key (src/stores/session.ts) and zustand's persist format.
const SESSION_KEY = 'xiangji-session'
const persisted = (state) => JSON.stringify({ state, version: 1 })

let server
let navigations
let buyer
let farmer
let order

function installWxStorage() {
  const store = new Map()
  global.wx.setStorageSync = (key, value) => void store.set(key, value)
  global.wx.getStorageSync = (key) => (store.has(key) ? store.get(key) : '')
  global.wx.removeStorageSync = (key) => void store.delete(key)
  return store
}

async function api(path, { method = 'GET', body, token, headers = {} } = {}) {
  const h = { ...headers }
  if (body !== undefined) h['content-type'] = 'application/json'
  if (token) h.authorization = `Bearer ${token}`
  const res = await httpRequest(server.baseUrl + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) })
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text}`)
  return res.text ? JSON.parse(res.text) : null
}

async function signIn(persona) {
  const { code } = await api('/sandbox/wechat/dev/login-code', { method: 'POST', body: { persona } })
  return api('/api/v1/auth/login', { method: 'POST', body: { code } })
}

/** A paid order of the demo farmer's produce, placed and paid by the demo buyer. */
async function paidOrderForFarmer(farmerId) {
  const products = (await api(`/api/v1/products?farmer=${farmerId}&limit=50`)).items.filter((p) => p.status === 'on_sale')
  let spec
  for (const card of products) {
    spec = (await api(`/api/v1/products/${card.id}`)).specs.find((s) => s.stock >= 2)
    if (spec) break
  }
  if (!spec) throw new Error('the demo farmer has nothing in stock')
  const address = await api('/api/v1/addresses', {
    method: 'POST',
    token: buyer.token,
    body: { name: '林晓', phone: '13800001234', province: '贵州省', city: '贵阳市', district: '观山湖区', detail: '林城西路 8 号' },
  })
  const checkout = await api('/api/v1/orders', {
    method: 'POST',
    token: buyer.token,
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: { items: [{ specId: spec.id, quantity: 1 }], addressId: address.id, note: '请轻拿轻放' },
  })
  const pay = await api(`/api/v1/checkouts/${checkout.id}/pay`, { method: 'POST', token: buyer.token, body: {} })
  await api('/sandbox/wechat/pay/cashier/pay', { method: 'POST', body: { prepayId: pay.requestPayment.package.replace('prepay_id=', '') } })
  const id = checkout.orders[0].id
  await waitFor(async () => (await api(`/api/v1/orders/${id}`, { token: buyer.token })).status === 'paid')
  return { id, orderNo: checkout.orders[0].orderNo }
}

beforeAll(async () => {
  server = await startServer()
  installWxStorage()
  buyer = await signIn('buyer')
  farmer = await signIn('farmer')
  expect(farmer.user.roles).toContain('farmer')
  order = await paidOrderForFarmer(farmer.user.farmerId)

  global.wx.setStorageSync(SESSION_KEY, persisted({ token: farmer.token, expiresAt: farmer.expiresAt, user: farmer.user }))
  installTaroHost()
  installWxRequest(server.baseUrl)
  navigations = []
  const record = (options) => {
    navigations.push(options.url)
    options.success && options.success({ errMsg: 'navigateTo:ok' })
  }
  global.wx.navigateTo = record
  global.wx.redirectTo = record
  global.wx.switchTab = record
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('待发货 shows the paid order with its address, items and note; 发货 opens the ship page for it', async () => {
  const page = renderPage('farmer/pages/orders/index')
  await waitFor(() => !!page.querySelector(`#farmer-order-${order.id}`))
  const text = page.dom.textContent
  expect(text).toContain('林晓 13800001234')
  expect(text).toContain('贵州省 贵阳市 观山湖区 林城西路 8 号')
  expect(text).toContain('买家留言：请轻拿轻放')
  page.querySelector(`#ship-one-${order.id}`).dispatchEvent('tap')
  await waitFor(() => navigations.includes(`/farmer/pages/ship/index?ids=${order.id}`))
})

it('the ship page ships it with the chosen courier and the typed tracking number', async () => {
  const page = renderPage('farmer/pages/ship/index', { ids: String(order.id) })
  await waitFor(() => !!page.querySelector('#courier-SF') && !!page.querySelector(`#tracking-${order.id}`))
  const rendered = () => JSON.stringify(page.data)
  page.querySelector('#courier-SF').dispatchEvent('tap')
  await waitFor(() => rendered().includes('f-couriers__item--on'))
  // Typed with spaces and in lower case: the page keeps it as the courier prints it.
  page.querySelector(`#tracking-${order.id}`).dispatchEvent('input', { detail: { value: 'sf 1234 5678 9012' } })
  await waitFor(() => rendered().includes('SF123456789012'))
  page.querySelector('#ship-submit').dispatchEvent('tap')
  await waitFor(() => {
    const result = page.querySelector(`#ship-result-${order.id}`)
    return !!result && result.dom.textContent.includes('已发货')
  })
  expect(page.querySelector(`#ship-result-${order.id}`).dom.textContent).toContain('顺丰速运 SF123456789012')

  const seen = await api(`/api/v1/orders/${order.id}`, { token: buyer.token })
  expect(seen).toMatchObject({ status: 'shipped', carrier: 'SF', trackingNo: 'SF123456789012' })
})

it('the farmer home then shows nothing left to ship and this week’s order', async () => {
  const page = renderPage('farmer/pages/home/index')
  await waitFor(() => !!page.querySelector('#home-to-ship'))
  expect(page.querySelector('#home-to-ship').dom.textContent).toContain('0单')
  expect(page.querySelector('#home-orders').dom.textContent).toMatch(/[1-9]\d*单/)
  expect(page.dom.textContent).toContain('打包清单')
  page.querySelector('#open-packing').dispatchEvent('tap')
  await waitFor(() => navigations.includes('/farmer/pages/packing/index'))
})
