/**
 * The tests' own calls to the API server (not the app's): JSON over HTTP, signing in a demo
 * persona through the WeChat sandbox, and a paid order placed by a buyer.
 */
const crypto = require('node:crypto')
const { httpRequest } = require('./http')
const { waitFor } = require('./taro-host')

function apiClient(baseUrl) {
  async function api(path, { method = 'GET', body, token, headers = {} } = {}) {
    const h = { ...headers }
    if (body !== undefined) h['content-type'] = 'application/json'
    if (token) h.authorization = `Bearer ${token}`
    const res = await httpRequest(baseUrl + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) })
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text}`)
    return res.text ? JSON.parse(res.text) : null
  }

  /** Signs in a sandbox persona ('buyer', 'farmer', …); answers as POST /api/v1/auth/login does. */
  async function signIn(persona) {
    const { code } = await api('/sandbox/wechat/dev/login-code', { method: 'POST', body: { persona } })
    return api('/api/v1/auth/login', { method: 'POST', body: { code } })
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

  return { api, signIn, paidOrderForFarmer }
}

module.exports = { apiClient }
