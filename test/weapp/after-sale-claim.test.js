/**
 * The buyer's 申请售后 in the compiled dist/weapp (miniprogram-simulate) against a real API server
 * with the demo data. The demo farmer lists a spec sold by the 斤 and one by the box; the demo
 * buyer orders 4 斤 and a box, pays at the sandbox cashier, the farmer ships and the buyer
 * confirms receipt (all through the API). Then, in the pages: the order detail offers 申请售后;
 * the claim form takes 坏果/破损, 1.5 斤 of the first line, a photo (through the upload pipeline)
 * and a note, shows the suggested amount, and lands on the claim's progress page showing
 * 待农户处理 and the farmer's deadline — and the API reports that claim. The order detail then
 * lists the claim and its step on the timeline. When the farmer offers less, the buyer accepts
 * it on the progress page and sees the refund under way.
 */
const { renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { launchSignedIn } = require('./support/launch')
const { installBinaryRequests, installPhotoApis } = require('./support/wx-photos')
const { yuan } = require('./support/format')
const { text, tap, type } = require('./support/page-events')

const TITLE = '威宁散装洋芋（售后测试）'
const JIN_PRICE_FEN = 1280

let server
let api
let buyer
let farmer
let navigations
let uploads
let claimPosts
let order
let jinLine
let boxLine

/** What a JSON wx.request carried: the claim POSTs with their headers (the Idempotency-Key). */
function recordClaimPosts() {
  const inner = global.wx.request
  const posts = []
  global.wx.request = (options) => {
    if ((options.method || 'GET').toUpperCase() === 'POST' && /\/api\/v1\/orders\/\d+\/claims$/.test(options.url)) posts.push({ header: { ...options.header }, data: options.data })
    return inner(options)
  }
  return posts
}

/** "12月4日 15:00": an instant as China wall-clock time, the way the page writes the deadline. */
function chinaMonthDayTime(iso) {
  const wall = new Date(Date.parse(iso) + 8 * 3600_000)
  const pad = (n) => String(n).padStart(2, '0')
  return `${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
}

beforeAll(async () => {
  server = await startServer()
  const client = apiClient(server.baseUrl)
  api = client.api
  buyer = await client.signIn('buyer')
  farmer = await client.signIn('farmer')

  const { listing } = await client.createListing(farmer, {
    title: TITLE,
    specs: [
      { name: '散装', priceFen: JIN_PRICE_FEN, unit: '斤', netWeightG: 500, stock: 50 },
      { name: '5斤装', priceFen: 2990, unit: '箱', netWeightG: 2500, stock: 20 },
    ],
  })
  const product = await api(`/api/v1/products/${listing.id}`)
  const jinSpec = product.specs.find((s) => s.unit === '斤')
  const boxSpec = product.specs.find((s) => s.unit === '箱')
  const placed = await client.paidOrder(buyer, [
    { specId: jinSpec.id, quantity: 4 },
    { specId: boxSpec.id, quantity: 1 },
  ])
  expect(placed.orders).toHaveLength(1)
  const orderId = placed.id
  await api('/api/v1/farmer/orders/ship', { method: 'POST', token: farmer.token, body: { orders: [{ orderId, carrier: 'SF', trackingNo: 'SF123456789012' }] } })
  order = await api(`/api/v1/orders/${orderId}/confirm-receipt`, { method: 'POST', token: buyer.token, body: {} })
  expect(order.status).toBe('received')
  jinLine = order.items.find((i) => i.unit === '斤')
  boxLine = order.items.find((i) => i.unit === '箱')

  // Before the app loads: Taro only wraps the wx APIs that exist when it starts.
  installPhotoApis()
  navigations = launchSignedIn(server.baseUrl, buyer)
  uploads = installBinaryRequests(server.baseUrl)
  claimPosts = recordClaimPosts()
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('a received order offers 申请售后 on its detail, which opens the claim form for it', async () => {
  const page = renderPage('pages/order/index', { id: String(order.id) })
  await waitFor(() => !!page.querySelector('#order-claim'))
  expect(text(page.querySelector('#order-after-sale'))).toContain('坏果、少斤、错发可申请售后')
  tap(page, 'order-claim')
  await waitFor(() => navigations.includes(`/after-sale/pages/claim/index?orderId=${order.id}`))
})

let claimId

it('the claim form files 坏果/破损 for 1.5 斤 with a photo, showing the suggested amount, and lands on its progress', async () => {
  const page = renderPage('after-sale/pages/claim/index', { orderId: String(order.id) })
  await waitFor(() => !!page.querySelector('#reason-damaged') && !!page.querySelector(`#affected-${jinLine.id}`))
  expect(text(page)).toContain('下单 4斤')
  expect(text(page)).toContain('下单 1箱')

  // Without a reason the form says what is missing and sends nothing.
  tap(page, 'claim-submit')
  await waitFor(() => !!page.querySelector('#claim-error') && text(page.querySelector('#claim-error')).includes('请选择售后原因'))

  tap(page, 'reason-damaged')
  await waitFor(() => JSON.stringify(page.data).includes('claim-chip--on'))
  type(page, `affected-${jinLine.id}`, '1.5')
  // 1.5 斤 of 4 斤 paid at ¥51.20: ¥19.20.
  const suggested = Math.floor((jinLine.lineTotalFen * 750) / 2000)
  expect(suggested).toBe(1920)
  await waitFor(() => text(page.querySelector('#claim-suggested')).includes(yuan(suggested)))
  expect(text(page.querySelector(`#claim-line-${jinLine.id}`))).toContain(`这件约退 ${yuan(suggested)}`)

  tap(page, 'claim-add-photo')
  await waitFor(() => !!page.querySelector('#claim-photo-0'))
  expect(uploads).toHaveLength(1)
  expect(uploads[0].headers['upload-id']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  type(page, 'claim-note', '有 3 个压坏了')

  tap(page, 'claim-submit')
  await waitFor(() => navigations.some((url) => url.startsWith('/after-sale/pages/claim-detail/index?id=')))
  claimId = Number(navigations.find((url) => url.startsWith('/after-sale/pages/claim-detail/index?id=')).split('=')[1])
  expect(claimPosts).toHaveLength(1)
  expect(claimPosts[0].header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)

  const { items } = await api(`/api/v1/orders/${order.id}/claims`, { token: buyer.token })
  expect(items).toHaveLength(1)
  expect(items[0]).toMatchObject({
    id: claimId,
    status: 'open',
    reason: 'damaged',
    note: '有 3 个压坏了',
    suggestedFen: suggested,
    lines: [expect.objectContaining({ orderItemId: jinLine.id, affected: 750, ordered: 2000 })],
  })
  expect(items[0].photos).toHaveLength(1)
  expect(items[0].lines.some((l) => l.orderItemId === boxLine.id)).toBe(false)
})

it('the progress page shows 待农户处理, the suggested amount, the farmer’s deadline and 撤回', async () => {
  const claim = await api(`/api/v1/claims/${claimId}`, { token: buyer.token })
  const page = renderPage('after-sale/pages/claim-detail/index', { id: String(claimId) })
  await waitFor(() => !!page.querySelector('#claim-status'))
  expect(text(page.querySelector('#claim-status'))).toBe('待农户处理')
  expect(text(page.querySelector('#claim-figure-suggested'))).toContain(yuan(claim.suggestedFen))
  expect(page.querySelector('#claim-figure-settled')).toBeFalsy()
  expect(text(page.querySelector('#claim-deadline'))).toBe(`农户需在 ${chinaMonthDayTime(claim.farmerDeadline)} 前处理，逾期自动转合作社`)
  expect(text(page.querySelector('#claim-note'))).toContain('有 3 个压坏了')
  expect(page.querySelector('#claim-withdraw')).toBeTruthy()
  expect(page.querySelector('#claim-accept-offer')).toBeFalsy()
})

it('the order detail then lists the claim with its status, and the timeline shows the step', async () => {
  const page = renderPage('pages/order/index', { id: String(order.id) })
  await waitFor(() => !!page.querySelector(`#order-claim-${claimId}`))
  expect(text(page.querySelector(`#order-claim-${claimId}`))).toContain('待农户处理')
  // The box line has no claim yet, so 申请售后 stays.
  expect(page.querySelector('#order-claim')).toBeTruthy()
  expect(text(page.querySelector('#order-timeline'))).toContain('申请售后')
  expect(text(page.querySelector('#order-timeline'))).toContain('坏果/破损')
  const before = navigations.length
  tap(page, `order-claim-${claimId}`)
  await waitFor(() => navigations.slice(before).includes(`/after-sale/pages/claim-detail/index?id=${claimId}`))
})

it('when the farmer offers another amount, the buyer accepts it on the progress page and the refund is under way', async () => {
  await api(`/api/v1/farmer/claims/${claimId}/offer`, { method: 'POST', token: farmer.token, body: { amountFen: 1500, note: '压坏的按 1 斤多算' } })
  const page = renderPage('after-sale/pages/claim-detail/index', { id: String(claimId) })
  await waitFor(() => !!page.querySelector('#claim-accept-offer'))
  expect(text(page.querySelector('#claim-status'))).toBe('农户已提出金额')
  expect(text(page.querySelector('#claim-figure-offered'))).toContain(yuan(1500))
  expect(text(page.querySelector('#claim-farmer-note'))).toContain('压坏的按 1 斤多算')
  expect(text(page.querySelector('#claim-accept-offer'))).toBe(`接受 ${yuan(1500)}`)
  expect(page.querySelector('#claim-ask-cooperative')).toBeTruthy()
  expect(page.querySelector('#claim-deadline')).toBeFalsy()

  tap(page, 'claim-accept-offer')
  await waitFor(() => text(page.querySelector('#claim-status')) === '已同意退款')
  expect(text(page.querySelector('#claim-figure-settled'))).toContain(yuan(1500))
  expect(page.querySelector('#claim-refund')).toBeTruthy()
  expect(text(page.querySelector('#claim-refund'))).toContain(yuan(1500))
  expect(page.querySelector('#claim-accept-offer')).toBeFalsy()

  const claim = await api(`/api/v1/claims/${claimId}`, { token: buyer.token })
  expect(claim).toMatchObject({ status: 'accepted', settledFen: 1500, refund: expect.objectContaining({ amountFen: 1500 }) })
})

it('the box line can be claimed 按斤: 1 斤 of a 5斤 box suggests a fifth of it, and the progress page reads 受影响 1斤 / 共 5斤', async () => {
  const page = renderPage('after-sale/pages/claim/index', { orderId: String(order.id) })
  await waitFor(() => !!page.querySelector(`#measure-${boxLine.id}-g`))
  // A line sold by the 斤 is claimed in 斤 only: no toggle.
  expect(page.querySelector(`#measure-${jinLine.id}`)).toBeFalsy()
  expect(text(page.querySelector(`#claim-line-${boxLine.id}`))).toContain('下单 1箱（5斤）')
  expect(text(page.querySelector(`#measure-${boxLine.id}`))).toBe('按箱按斤')
  // By the box first (the default): "1" is the whole box.
  tap(page, 'reason-damaged')
  type(page, `affected-${boxLine.id}`, '1')
  await waitFor(() => text(page.querySelector('#claim-suggested')).includes(yuan(boxLine.lineTotalFen)))
  expect(text(page.querySelector(`#claim-line-${boxLine.id}`))).toContain('箱')

  tap(page, `measure-${boxLine.id}-g`)
  // What was typed meant boxes, so it is cleared; then 1 斤 of the box's 5 斤.
  await waitFor(() => text(page.querySelector('#claim-suggested')).includes(yuan(0)))
  type(page, `affected-${boxLine.id}`, '1')
  const suggested = Math.floor((boxLine.lineTotalFen * 500) / (boxLine.netWeightG * boxLine.quantity))
  expect(suggested).toBe(598)
  await waitFor(() => text(page.querySelector('#claim-suggested')).includes(yuan(suggested)))
  expect(text(page.querySelector(`#claim-line-${boxLine.id}`))).toContain(`这件约退 ${yuan(suggested)}`)
  expect(text(page.querySelector(`#claim-line-${boxLine.id}`))).toContain('斤')
  type(page, `affected-${boxLine.id}`, '6')
  await waitFor(() => text(page.querySelector(`#claim-line-${boxLine.id}`)).includes('不能超过下单的 5斤'))
  type(page, `affected-${boxLine.id}`, '1')
  await waitFor(() => text(page.querySelector('#claim-suggested')).includes(yuan(suggested)))

  const before = navigations.length
  tap(page, 'claim-submit')
  await waitFor(() => navigations.slice(before).some((url) => url.startsWith('/after-sale/pages/claim-detail/index?id=')))
  const boxClaimId = Number(navigations.slice(before).find((url) => url.startsWith('/after-sale/pages/claim-detail/index?id=')).split('=')[1])
  expect(claimPosts[claimPosts.length - 1].data).toMatchObject({ lines: [{ orderItemId: boxLine.id, affected: 500, measure: 'g' }] })

  const claim = await api(`/api/v1/claims/${boxClaimId}`, { token: buyer.token })
  expect(claim).toMatchObject({ status: 'open', suggestedFen: suggested, lines: [expect.objectContaining({ orderItemId: boxLine.id, measure: 'g', affected: 500, ordered: 2500 })] })

  const detail = renderPage('after-sale/pages/claim-detail/index', { id: String(boxClaimId) })
  await waitFor(() => !!detail.querySelector('#claim-status'))
  expect(text(detail)).toContain('受影响 1斤 / 共 5斤')
})
