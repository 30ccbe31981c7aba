/**
 * The tests' own calls to the API server (not the app's): JSON over HTTP (a Buffer body is sent
 * as it is, for uploads), signing in a demo persona through the WeChat sandbox, a paid order
 * placed by a buyer (of given specs, or of one farmer's produce), and a listing created by a farmer.
 */
const crypto = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')
const { httpRequest } = require('./http')
const { waitFor } = require('./taro-host')

const DEMO_PHOTO = path.resolve(__dirname, '../../../server/assets/media/demo/weining-fuji-1.jpg')

function apiClient(baseUrl) {
  /** Any answer, as `{ status, body, text }`. */
  async function raw(urlPath, { method = 'GET', body, token, headers = {} } = {}) {
    const h = { ...headers }
    let payload = body
    if (body !== undefined && !Buffer.isBuffer(body)) {
      h['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    if (token) h.authorization = `Bearer ${token}`
    const res = await httpRequest(baseUrl + urlPath, { method, headers: h, body: payload })
    return { status: res.status, body: res.text ? JSON.parse(res.text) : null, text: res.text }
  }

  /** The parsed body; throws on any status ≥ 300. */
  async function api(urlPath, options = {}) {
    const res = await raw(urlPath, options)
    if (res.status >= 300) throw new Error(`${options.method || 'GET'} ${urlPath} → ${res.status} ${res.text}`)
    return res.body
  }

  /** Signs in a sandbox persona ('buyer', 'farmer', …); answers as POST /api/v1/auth/login does. */
  async function signIn(persona) {
    const { code } = await api('/sandbox/wechat/dev/login-code', { method: 'POST', body: { persona } })
    return api('/api/v1/auth/login', { method: 'POST', body: { code } })
  }

  /**
   * `items` (`[{ specId, quantity }]`) ordered by `buyer` (a login) to a new address in 贵阳, with
   * `note` when given, and paid at the sandbox cashier; answers the checkout's first order
   * `{ id, orderNo }` once it is paid, and `orders`, all the orders the checkout made.
   */
  async function paidOrder(buyer, items, { note } = {}) {
    const address = await api('/api/v1/addresses', {
      method: 'POST',
      token: buyer.token,
      body: { name: '林晓', phone: '13800001234', province: '贵州省', city: '贵阳市', district: '观山湖区', detail: '林城西路 8 号' },
    })
    const checkout = await api('/api/v1/orders', {
      method: 'POST',
      token: buyer.token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { items, addressId: address.id, note },
    })
    const pay = await api(`/api/v1/checkouts/${checkout.id}/pay`, { method: 'POST', token: buyer.token, body: {} })
    await api('/sandbox/wechat/pay/cashier/pay', { method: 'POST', body: { prepayId: pay.requestPayment.package.replace('prepay_id=', '') } })
    const id = checkout.orders[0].id
    await waitFor(async () => (await api(`/api/v1/orders/${id}`, { token: buyer.token })).status === 'paid')
    return { id, orderNo: checkout.orders[0].orderNo, orders: checkout.orders }
  }

  /** One unit of a farmer's produce in stock, ordered by `buyer` (a login) and paid at the sandbox cashier. */
  async function paidOrderForFarmer(buyer, farmerId) {
    const products = (await api(`/api/v1/products?farmer=${farmerId}&limit=50`)).items.filter((p) => p.status === 'on_sale')
    let spec
    for (const card of products) {
      spec = (await api(`/api/v1/products/${card.id}`)).specs.find((s) => s.stock >= 2)
      if (spec) break
    }
    if (!spec) throw new Error(`farmer ${farmerId} has nothing in stock`)
    const { id, orderNo } = await paidOrder(buyer, [{ specId: spec.id, quantity: 1 }], { note: '请轻拿轻放' })
    return { id, orderNo }
  }

  /** A listing by this farmer with a freshly uploaded demo photo; answers `{ listing, check }`. */
  async function createListing(farmer, fields) {
    const photo = await api('/api/v1/uploads', { method: 'POST', token: farmer.token, headers: { 'content-type': 'image/jpeg' }, body: fs.readFileSync(DEMO_PHOTO) })
    const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    return api('/api/v1/farmer/products', {
      method: 'POST',
      token: farmer.token,
      body: {
        description: '海拔两千米的坡地，沙土里长大。',
        categoryId: 'vegetables',
        photos: [photo.key],
        harvestStart: day(0),
        harvestEnd: day(30),
        specs: [{ name: '10斤装', priceFen: 3980, netWeightG: 5000, stock: 30 }],
        ...fields,
      },
    })
  }

  return { raw, api, signIn, paidOrder, paidOrderForFarmer, createListing }
}

module.exports = { apiClient }
