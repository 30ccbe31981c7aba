/**
 * The buyer's 物流信息 in the compiled dist/weapp (miniprogram-simulate) against a real API server
 * with the demo data and the sandbox courier. The demo buyer orders the demo farmer's produce and
 * pays at the sandbox cashier, the farmer ships it through the API (中通, a number the courier
 * knows; and 圆通 with a number it does not, ending in 0000). The order page then shows the
 * courier and number with 复制 (which hands the number to wx.setClipboardData), the trail from
 * the courier with its state in Chinese, and 联系客服 as WeChat's customer-service button with
 * the order number as the session's context. An order the courier does not know reads 暂无物流信息.
 */
const { renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { launchSignedIn } = require('./support/launch')

const KNOWN_NO = '75312345678901'
const UNKNOWN_NO = 'YT98765430000'

let server
let api
let buyer
let known
let unknown
let clipboard

const text = (node) => node.dom.textContent
const byId = (page, id) => {
  const node = page.querySelector(`#${id}`)
  if (!node) throw new Error(`#${id} is not on the page`)
  return node
}

/** WeChat's clipboard: records what the page copies and answers as the base library does. */
function installClipboard() {
  const copied = []
  global.wx.setClipboardData = (options = {}) => {
    copied.push(options.data)
    const res = { errMsg: 'setClipboardData:ok' }
    options.success && options.success(res)
    options.complete && options.complete(res)
    return options.success || options.fail || options.complete ? undefined : Promise.resolve(res)
  }
  return copied
}

beforeAll(async () => {
  server = await startServer()
  const client = apiClient(server.baseUrl)
  api = client.api
  buyer = await client.signIn('buyer')
  const farmer = await client.signIn('farmer')
  known = await client.paidOrderForFarmer(buyer, farmer.user.farmerId)
  unknown = await client.paidOrderForFarmer(buyer, farmer.user.farmerId)
  await api('/api/v1/farmer/orders/ship', {
    method: 'POST',
    token: farmer.token,
    body: { orders: [{ orderId: known.id, carrier: 'ZTO', trackingNo: KNOWN_NO }, { orderId: unknown.id, carrier: 'YTO', trackingNo: UNKNOWN_NO }] },
  })

  // Before the app loads: Taro only wraps the wx APIs that exist when it starts.
  clipboard = installClipboard()
  launchSignedIn(server.baseUrl, buyer)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('the order page shows the courier, the number and the trail from the courier', async () => {
  const trail = await api(`/api/v1/orders/${known.id}/tracking`, { token: buyer.token })
  expect(trail.events.length).toBeGreaterThan(0)

  const page = renderPage('pages/order/index', { id: String(known.id) })
  await waitFor(() => !!page.querySelector('#parcel-events'))
  expect(text(byId(page, 'order-tracking'))).toContain(`中通快递 ${KNOWN_NO}`)
  expect(text(byId(page, 'parcel-state'))).toBe('已揽收')
  const events = text(byId(page, 'parcel-events'))
  expect(events).toContain('已揽收')
  expect(events).toContain(trail.events[0].text)
  expect(page.querySelector('#parcel-loading')).toBeFalsy()
  expect(page.querySelector('#parcel-error')).toBeFalsy()
})

it('复制 puts the tracking number on the clipboard', async () => {
  const page = renderPage('pages/order/index', { id: String(known.id) })
  await waitFor(() => !!page.querySelector('#copy-tracking-no'))
  expect(text(byId(page, 'copy-tracking-no'))).toBe('复制')
  byId(page, 'copy-tracking-no').dispatchEvent('tap')
  await waitFor(() => clipboard.length === 1)
  expect(clipboard).toEqual([KNOWN_NO])
})

it('联系客服 is WeChat’s customer-service button, with the order number as the session’s context', async () => {
  const page = renderPage('pages/order/index', { id: String(known.id) })
  await waitFor(() => !!page.querySelector('#order-contact'))
  expect(text(byId(page, 'order-contact'))).toBe('联系客服')
  const rendered = JSON.stringify(page.data)
  expect(rendered).toContain('"contact"')
  expect(rendered).toContain(`order:${known.orderNo}`)
})

it('a number the courier does not know reads 暂无物流信息 with why, and still offers 复制', async () => {
  const page = renderPage('pages/order/index', { id: String(unknown.id) })
  await waitFor(() => !!page.querySelector('#parcel-empty'))
  expect(text(byId(page, 'parcel-state'))).toBe('暂无物流信息')
  expect(text(byId(page, 'parcel-empty'))).toContain('暂未查到这个单号')
  expect(text(byId(page, 'order-tracking'))).toContain(`圆通速递 ${UNKNOWN_NO}`)
  expect(page.querySelector('#copy-tracking-no')).toBeTruthy()
  expect(page.querySelector('#parcel-events')).toBeFalsy()
})
