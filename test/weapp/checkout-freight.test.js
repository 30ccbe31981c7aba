/**
 * The compiled checkout page (dist/weapp) in miniprogram-simulate against a real API server with
 * the demo data, whose cooperative's freight template does not serve 西藏自治区. A signed-in buyer
 * with two saved addresses (广东省, the default, and 西藏自治区) buys one spec now: the page must
 * show that farmer's fee and the server's explanation for 广东省 exactly as POST
 * /api/v1/checkout/preview {items, addressId} gives them; switching to the Tibet address must show
 * in plain Chinese which goods cannot go there, keep 提交订单 disabled, and place nothing.
 */
const { installTaroHost, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { apiClient } = require('./support/api-client')
const { installWxStorage, storeSession } = require('./support/wx-storage')
const { yuan } = require('./support/format')
const { text, tap } = require('./support/page-events')

let server
let api
let buyer
let guangdong
let tibet
/** The spec bought, its farmer, and the server's previews for both addresses. */
let pick
/** Every request the app made. */
let calls

const addressOf = (province, city, isDefault) => ({
  name: '林晓',
  phone: '13800001234',
  province,
  city,
  district: '市辖区',
  detail: '测试路 8 号',
  isDefault,
})

const preview = (specId, addressId) =>
  api('/api/v1/checkout/preview', { method: 'POST', token: buyer.token, body: { items: [{ specId, quantity: 1 }], addressId } })

/** A spec on sale whose farmer charges a fee to 广东省 and does not ship to 西藏自治区. */
async function pickSpec() {
  const cards = (await api('/api/v1/products?limit=50')).items.filter((p) => p.status === 'on_sale')
  for (const card of cards) {
    const detail = await api(`/api/v1/products/${card.id}`)
    const spec = detail.specs.find((s) => s.stock >= 2)
    if (!spec) continue
    const gd = await preview(spec.id, guangdong.id)
    const xz = await preview(spec.id, tibet.id)
    const [g] = gd.groups
    if (g.freight.notServed || g.shippingFen === 0 || !xz.groups[0].freight.notServed) continue
    return { spec, detail, farmerId: detail.farmer.id, gd, xz }
  }
  throw new Error('no demo product charges a fee to 广东省 and refuses 西藏自治区')
}

beforeAll(async () => {
  server = await startServer()
  installWxStorage()
  const client = apiClient(server.baseUrl)
  api = client.api
  buyer = await client.signIn('buyer')
  tibet = await api('/api/v1/addresses', { method: 'POST', token: buyer.token, body: addressOf('西藏自治区', '拉萨市', false) })
  guangdong = await api('/api/v1/addresses', { method: 'POST', token: buyer.token, body: addressOf('广东省', '广州市', true) })
  pick = await pickSpec()
  storeSession(buyer)
  installTaroHost()
  calls = installWxRequest(server.baseUrl)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

let page

it('to the default address in 广东省, shows the farmer’s fee and why, as the server’s preview for that address', async () => {
  const [group] = pick.gd.groups
  expect(group.freight.province).toBe('广东省')
  expect(group.freight.explanation).toContain('广东省')

  page = renderPage('pages/checkout/index', { items: `${pick.spec.id}x1`, from: 'buy' })
  await waitFor(() => page.querySelector(`#checkout-freight-${pick.farmerId}`))
  expect(text(page.querySelector(`#checkout-freight-${pick.farmerId}`))).toBe(group.freight.explanation)
  expect(text(page.querySelector(`#checkout-fee-${pick.farmerId}`))).toBe(yuan(group.shippingFen))
  expect(text(page.querySelector('#checkout-total'))).toBe(yuan(pick.gd.totalFen))
  expect(page.querySelector('#checkout-not-served')).toBeFalsy()
  expect(page.querySelector('#place-order').dom.className).not.toContain('checkout__submit--off')
})

it('switching to the address in 西藏自治区 says which goods cannot go there and keeps 提交订单 disabled; nothing is placed', async () => {
  tap(page, `address-item-${tibet.id}`)
  await waitFor(() => page.querySelector('#checkout-not-served'))
  const refusal = `以下商品不能寄到西藏自治区：${pick.detail.title} ${pick.spec.name}（生鲜不发货地区）`
  expect(text(page.querySelector(`#checkout-not-served-${pick.farmerId}`))).toBe(refusal)
  expect(text(page.querySelector(`#checkout-fee-${pick.farmerId}`))).toBe('不发货')
  expect(pick.xz.orderable).toBe(false)
  expect(pick.xz.groups[0].lines[0].problem).toBe('NOT_SERVED')

  const submit = page.querySelector('#place-order')
  expect(submit.dom.className).toContain('checkout__submit--off')
  tap(page, 'place-order')

  // Back to 广东省 (priced again by the server): orderable again, and the tap placed nothing.
  tap(page, `address-item-${guangdong.id}`)
  await waitFor(() => !page.querySelector('#checkout-not-served') && page.querySelector(`#checkout-freight-${pick.farmerId}`))
  expect(text(page.querySelector(`#checkout-freight-${pick.farmerId}`))).toBe(pick.gd.groups[0].freight.explanation)
  expect(page.querySelector('#place-order').dom.className).not.toContain('checkout__submit--off')
  expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith('/api/v1/orders'))).toHaveLength(0)
  expect((await api('/api/v1/orders', { token: buyer.token })).items).toHaveLength(0)
})
