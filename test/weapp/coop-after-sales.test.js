/**
 * The cooperative manager's 售后与退款 in the compiled dist/weapp (miniprogram-simulate) against
 * a real API server with the demo data. A buyer pays an order for the demo farmer, the farmer
 * ships it, the buyer files a claim (坏果) and the farmer contests it with a note, all through the
 * API, so the claim waits for the cooperative; the demo manager's session is put in WeChat
 * storage. The workbench links to the page with what waits; the page shows the claim with its
 * figures and both sides' words, refuses a decision without who bears it, and decides it (amount
 * in 元, borne by the cooperative, a note) — the API then has it decided. WeChat's sandbox is set to
 * refuse that refund for good, so it then lists under 异常与失败的退款 with WeChat's reason and what
 * to do, and 标记已处理 with a note resolves it: the API no longer lists it.
 */
const crypto = require('node:crypto')
const { installConfirmingModal, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { yuan } = require('./support/format')
const { launchSignedIn } = require('./support/launch')

const BUYER_NOTE = '有一箱压坏了'
const FARMER_NOTE = '发货前一个个挑过，都是好果'
const DECISION_NOTE = '照片看得出压坏，快递的责任，合作社先垫付'

let server
let client
let buyer
let farmer
let manager
let order
let claim
let navigations
let modals

/** Fen as typed in 元: 1495 → "14.95". */
const yuanInput = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
const attention = async () => (await client.api('/api/v1/coop/refunds/attention', { token: manager.token })).items

beforeAll(async () => {
  server = await startServer()
  client = apiClient(server.baseUrl)
  buyer = await client.signIn('buyer')
  farmer = await client.signIn('farmer')
  manager = await client.signIn('coop_admin')
  order = await client.paidOrderForFarmer(buyer, farmer.user.farmerId)
  await client.api('/api/v1/farmer/orders/ship', { method: 'POST', token: farmer.token, body: { orders: [{ orderId: order.id, carrier: 'SF', trackingNo: 'SF135792468013' }] } })
  const detail = await client.api(`/api/v1/orders/${order.id}`, { token: buyer.token })
  const filed = await client.api(`/api/v1/orders/${order.id}/claims`, {
    method: 'POST',
    token: buyer.token,
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: { reason: 'damaged', note: BUYER_NOTE, photos: [], lines: [{ orderItemId: detail.items[0].id, affected: 1 }] },
  })
  claim = await client.api(`/api/v1/farmer/claims/${filed.id}/contest`, { method: 'POST', token: farmer.token, body: { note: FARMER_NOTE } })
  expect(claim).toMatchObject({ status: 'escalated', farmerNote: FARMER_NOTE })
  expect(await attention()).toEqual([])

  navigations = launchSignedIn(server.baseUrl, manager)
  modals = installConfirmingModal()
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('the workbench shows that one claim waits and opens 售后与退款', async () => {
  const page = renderPage('coop/pages/home/index')
  await waitFor(() => !!page.querySelector('#after-sales-waiting'))
  expect(page.querySelector('#after-sales-waiting').dom.textContent).toBe('1')
  page.querySelector('#open-after-sales').dispatchEvent('tap')
  await waitFor(() => navigations.includes('/coop/pages/after-sales/index'))
})

it('待合作社裁定 shows the escalated claim; a decision needs who bears it; deciding it refunds, borne by the cooperative', async () => {
  const page = renderPage('coop/pages/after-sales/index')
  await waitFor(() => !!page.querySelector(`#escalated-${claim.id}`) && page.dom.textContent.includes('没有需要处理的退款'))
  const card = page.querySelector(`#escalated-${claim.id}`).dom.textContent
  expect(card).toContain('坏果/破损')
  expect(card).toContain(`订单 ${order.orderNo} · 农户 ${claim.farmer.name}`)
  expect(card).toContain('农户有异议')
  expect(card).toContain(`买家说：${BUYER_NOTE}`)
  expect(card).toContain(`农户说：${FARMER_NOTE}`)
  expect(card).toContain(yuan(claim.paidFen))
  expect(page.querySelector(`#escalated-suggested-${claim.id}`).dom.textContent).toBe(yuan(claim.suggestedFen))

  const amountFen = Math.floor(claim.suggestedFen / 2)
  page.querySelector(`#decide-amount-${claim.id}`).dispatchEvent('input', { detail: { value: yuanInput(amountFen) } })
  page.querySelector(`#decide-note-${claim.id}`).dispatchEvent('input', { detail: { value: DECISION_NOTE } })
  page.querySelector(`#decide-submit-${claim.id}`).dispatchEvent('tap')
  await waitFor(() => !!page.querySelector(`#decide-error-${claim.id}`))
  expect(page.querySelector(`#decide-error-${claim.id}`).dom.textContent).toBe('请选择由谁承担')
  expect(modals).toEqual([])

  // WeChat will refuse this refund for good (the sandbox's scenario for the next refund).
  await client.api('/sandbox/wechat/pay/refund-scenario', { method: 'POST', body: { scenario: 'REFUSED' } })
  page.querySelector(`#decide-bearer-${claim.id}-cooperative`).dispatchEvent('tap')
  await waitFor(() => !page.querySelector(`#decide-error-${claim.id}`))
  page.querySelector(`#decide-submit-${claim.id}`).dispatchEvent('tap')
  await waitFor(() => !page.querySelector(`#escalated-${claim.id}`))
  expect(modals).toEqual([{ title: '裁定退款', content: `退给买家 ${yuan(amountFen)}，由合作社承担，不扣农户的钱。确定后立即原路退款。` }])
  expect(page.dom.textContent).toContain('没有待裁定的售后')

  const decided = await client.api(`/api/v1/coop/claims/${claim.id}`, { token: manager.token })
  expect(decided).toMatchObject({ status: 'decided', settledFen: amountFen, borneBy: 'cooperative', managerNote: DECISION_NOTE })
  expect(decided.refund).toMatchObject({ amountFen, borneBy: 'cooperative' })
})

it('the refund WeChat refused lists under 异常与失败的退款 with its reason and what to do; 标记已处理 resolves it', async () => {
  await waitFor(async () => (await attention()).some((r) => r.orderId === order.id && r.status === 'failed'), { timeout: 30_000 })
  const [refund] = (await attention()).filter((r) => r.orderId === order.id)

  const page = renderPage('coop/pages/after-sales/index')
  await waitFor(() => !!page.querySelector(`#attention-${refund.id}`))
  const card = page.querySelector(`#attention-${refund.id}`).dom.textContent
  expect(card).toContain(yuan(refund.amountFen))
  expect(card).toContain(`订单 ${order.orderNo} · 农户 ${refund.farmerName} · 售后退款`)
  expect(page.querySelector(`#attention-status-${refund.id}`).dom.textContent).toBe('退款失败')
  expect(refund.failureReason).toBeTruthy()
  expect(card).toContain(`微信说：${refund.failureReason}`)
  expect(card).toContain(`怎么办：${refund.whatToDo}`)

  page.querySelector(`#resolve-${refund.id}`).dispatchEvent('tap')
  await waitFor(() => !!page.querySelector(`#resolve-note-${refund.id}`))
  page.querySelector(`#resolve-note-${refund.id}`).dispatchEvent('input', { detail: { value: '已线下微信转账给买家' } })
  page.querySelector(`#resolve-submit-${refund.id}`).dispatchEvent('tap')
  await waitFor(() => !!page.querySelector(`#attention-resolved-${refund.id}`))
  expect(page.querySelector(`#attention-resolved-${refund.id}`).dom.textContent).toContain('已处理：已线下微信转账给买家')
  expect(modals[modals.length - 1]).toEqual({ title: '标记已处理', content: expect.stringContaining('线下') })

  // The API lists only what still needs a person; the page shows it resolved until it is reloaded.
  expect((await attention()).map((r) => r.id)).not.toContain(refund.id)
  const again = renderPage('coop/pages/after-sales/index')
  await waitFor(() => again.dom.textContent.includes('没有需要处理的退款'))
})
