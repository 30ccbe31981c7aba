/**
 * The farmer's 售后 queue in the compiled dist/weapp (miniprogram-simulate) against a real API
 * server with the demo data. A buyer pays an order for the demo farmer's produce, the farmer ships
 * it, and the buyer files a claim through the API (坏果, one photo, a note, the whole line
 * affected); the demo farmer's session is put in WeChat storage. The farmer home counts the open
 * claim; the queue shows it with its order, figures, photo (a tap previews it), note, suggested
 * amount and deadline; an amount above what is refundable is refused on the page; 提出金额 with an
 * amount in 元 sends the offer, and the API then reports the claim as offered with that amount.
 */
const crypto = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')
const { installConfirmingModal, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { yuan } = require('./support/format')
const { launchSignedIn } = require('./support/launch')

const DEMO_PHOTO = path.resolve(__dirname, '../../server/assets/media/demo/weining-fuji-1.jpg')
const NOTE = '收到时有一箱压坏了，果子流水'

let server
let client
let buyer
let farmer
let order
let claim
let navigations
let modals
let previews

/** Fen as a farmer types it in 元: 4481 → "44.81". */
const yuanInput = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
/** How the page prints a line's measure: grams → 斤 for 斤/kg lines, units otherwise. */
const measure = (line, amount) => (line.unit === '斤' || line.unit === 'kg' ? `${Math.round((amount / 500) * 100) / 100}斤` : `${amount}${line.unit}`)

beforeAll(async () => {
  server = await startServer()
  client = apiClient(server.baseUrl)
  buyer = await client.signIn('buyer')
  farmer = await client.signIn('farmer')
  order = await client.paidOrderForFarmer(buyer, farmer.user.farmerId)
  const shipped = await client.api('/api/v1/farmer/orders/ship', {
    method: 'POST',
    token: farmer.token,
    body: { orders: [{ orderId: order.id, carrier: 'SF', trackingNo: 'SF246813579024' }] },
  })
  expect(shipped.results).toEqual([expect.objectContaining({ orderId: order.id, ok: true })])

  const detail = await client.api(`/api/v1/orders/${order.id}`, { token: buyer.token })
  const photo = await client.api('/api/v1/uploads', { method: 'POST', token: buyer.token, headers: { 'content-type': 'image/jpeg' }, body: fs.readFileSync(DEMO_PHOTO) })
  claim = await client.api(`/api/v1/orders/${order.id}/claims`, {
    method: 'POST',
    token: buyer.token,
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: { reason: 'damaged', note: NOTE, photos: [photo.key], lines: [{ orderItemId: detail.items[0].id, affected: 1 }] },
  })
  expect(claim).toMatchObject({ status: 'open', orderNo: order.orderNo })
  expect(claim.suggestedFen).toBeGreaterThan(200)

  navigations = launchSignedIn(server.baseUrl, farmer)
  modals = installConfirmingModal()
  previews = []
  global.wx.previewImage = (options) => {
    previews.push({ urls: options.urls, current: options.current })
    options.success && options.success({ errMsg: 'previewImage:ok' })
    options.complete && options.complete({ errMsg: 'previewImage:ok' })
  }
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('the farmer home counts the open claim and opens the 售后 queue', async () => {
  const page = renderPage('farmer/pages/home/index')
  await waitFor(() => page.querySelector('#open-claims').dom.textContent.includes('售后 (1)'))
  page.querySelector('#open-claims').dispatchEvent('tap')
  await waitFor(() => navigations.includes('/farmer/pages/claims/index'))
})

it('the queue shows the buyer’s claim: order, reason, figures, photo, note, the suggested amount and the deadline', async () => {
  const page = renderPage('farmer/pages/claims/index')
  await waitFor(() => !!page.querySelector(`#claim-${claim.id}`))
  const card = page.querySelector(`#claim-${claim.id}`).dom.textContent
  expect(card).toContain(`订单号 ${order.orderNo}`)
  expect(card).toContain('坏果/破损')
  expect(card).toContain('待您处理')
  const line = claim.lines[0]
  expect(card).toContain(`${line.title} ${line.specName} × ${line.quantity}`)
  expect(card).toContain(`下单 ${measure(line, line.ordered)} · 有问题 ${measure(line, line.affected)}`)
  expect(card).toContain(`买家说：${NOTE}`)
  expect(page.querySelector(`#claim-suggested-${claim.id}`).dom.textContent).toBe(yuan(claim.suggestedFen))
  expect(card).toContain(`还能退 ${yuan(claim.refundableFen)}`)
  expect(page.querySelector(`#claim-deadline-${claim.id}`).dom.textContent).toMatch(/^请在 \d{1,2}月\d{1,2}日 \d\d:\d\d 前处理，逾期转合作社$/)
  // One button per action the API allows the farmer.
  const farmerView = await client.api(`/api/v1/farmer/claims/${claim.id}`, { token: farmer.token })
  expect(farmerView.actions.sort()).toEqual(['accept', 'contest', 'offer'])
  expect(page.querySelector(`#claim-accept-${claim.id}`).dom.textContent).toContain(`同意退款 ${yuan(claim.suggestedFen)}`)
  expect(page.querySelector(`#claim-offer-${claim.id}`)).toBeTruthy()
  expect(page.querySelector(`#claim-contest-${claim.id}`)).toBeTruthy()

  page.querySelector(`#claim-photo-${claim.id}-0`).dispatchEvent('tap')
  await waitFor(() => previews.length === 1)
  expect(previews[0].urls).toHaveLength(1)
  expect(previews[0].urls[0].endsWith(claim.photos[0].url)).toBe(true)
  expect(previews[0].current).toBe(previews[0].urls[0])
})

it('提出金额 refuses more than the order can refund, then sends the amount typed in 元; the API reports the claim offered', async () => {
  const page = renderPage('farmer/pages/claims/index')
  await waitFor(() => !!page.querySelector(`#claim-offer-${claim.id}`))
  page.querySelector(`#claim-offer-${claim.id}`).dispatchEvent('tap')
  await waitFor(() => !!page.querySelector(`#offer-amount-${claim.id}`))

  page.querySelector(`#offer-amount-${claim.id}`).dispatchEvent('input', { detail: { value: yuanInput(claim.refundableFen + 1) } })
  page.querySelector(`#offer-submit-${claim.id}`).dispatchEvent('tap')
  await waitFor(() => !!page.querySelector(`#claim-error-${claim.id}`))
  expect(page.querySelector(`#claim-error-${claim.id}`).dom.textContent).toBe(`这单最多还能退 ${yuan(claim.refundableFen)}`)
  expect(modals).toEqual([])
  expect((await client.api(`/api/v1/farmer/claims/${claim.id}`, { token: farmer.token })).status).toBe('open')

  // About half the suggestion, in whole yuan.
  const offerFen = Math.floor(claim.suggestedFen / 200) * 100
  page.querySelector(`#offer-amount-${claim.id}`).dispatchEvent('input', { detail: { value: yuanInput(offerFen) } })
  page.querySelector(`#offer-note-${claim.id}`).dispatchEvent('input', { detail: { value: '只有一半压坏了' } })
  await waitFor(() => !page.querySelector(`#claim-error-${claim.id}`))
  page.querySelector(`#offer-submit-${claim.id}`).dispatchEvent('tap')
  await waitFor(() => page.querySelector(`#claim-status-${claim.id}`).dom.textContent === `您提出退 ${yuan(offerFen)}，等买家回复`)
  expect(modals).toEqual([{ title: '提出金额', content: expect.stringContaining(`提出退给买家 ${yuan(offerFen)}？`) }])
  // Nothing more for the farmer to do on it.
  expect(page.querySelector(`#claim-offer-${claim.id}`)).toBeFalsy()
  expect(page.querySelector(`#claim-accept-${claim.id}`)).toBeFalsy()

  const seen = await client.api(`/api/v1/farmer/claims/${claim.id}`, { token: farmer.token })
  expect(seen).toMatchObject({ status: 'offered', offeredFen: offerFen, farmerNote: '只有一半压坏了', actions: [] })
  const buyerSees = await client.api(`/api/v1/claims/${claim.id}`, { token: buyer.token })
  expect(buyerSees).toMatchObject({ status: 'offered', offeredFen: offerFen })
  expect(buyerSees.actions.sort()).toEqual(['accept_offer', 'ask_cooperative', 'withdraw'])
})

it('the offered claim has left 待处理 and shows under 全部', async () => {
  const page = renderPage('farmer/pages/claims/index')
  await waitFor(() => page.dom.textContent.includes('没有要处理的售后'))
  page.querySelector('#claims-tab-all').dispatchEvent('tap')
  await waitFor(() => !!page.querySelector(`#claim-${claim.id}`))
  expect(page.querySelector(`#claim-status-${claim.id}`).dom.textContent).toContain('等买家回复')
})
