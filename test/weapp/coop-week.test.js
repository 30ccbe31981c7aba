/**
 * The cooperative manager's week in the compiled dist/weapp (miniprogram-simulate) against a real
 * API server with the demo store, which holds six weeks of the demo cooperative's past sales:
 * older weeks' statements paid (reference DEMO-<week>-<farmerId>), the last finished week's left
 * as drafts to confirm. A buyer pays two orders for the demo farmer and cancels one (refunded
 * through the WeChat Pay sandbox); the demo manager's session is put in WeChat storage. The
 * workbench's week at a glance and its refunds by kind must read as GET
 * /api/v1/coop/reports/weekly does; on 结算单 the last finished week's drafts are confirmed and
 * paid through the page (the API agreeing), the week in progress cannot be confirmed and shows
 * the refunds by kind, the cooperative-borne line and the rule, and a paid week shows its
 * transfer reference. Weeks come from the API (the report's trend), not date math.
 */
const { installConfirmingModal, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { yuan } = require('./support/format')
const { launchSignedIn } = require('./support/launch')

const PAYMENT_REF = 'ICBC-20261130-0042'
// The one rule for the week a refund counts in (REFUND_WEEK_RULE in src/domain/settlement.ts).
const REFUND_WEEK_RULE = '退款计入退款成功（到账）的那一周；已确认的结算单不再改动'
const KIND_LABELS = { buyer_cancel: '取消退款', after_sale: '售后退款', weight_adjustment: '少斤退款' }

// How the pages name a week: 2026-W47 → 2026年第47周.
const weekTitle = (week) => `${week.slice(0, 4)}年第${Number(week.slice(6))}周`

let server
let client
let manager
let farmerId
let before
let report
let modals

const text = (page, selector) => page.querySelector(selector).dom.textContent
const texts = (page, selector) => page.querySelectorAll(selector).map((node) => node.dom.textContent)
const statementsOf = async (week) => client.api(`/api/v1/coop/settlements${week ? `?week=${week}` : ''}`, { token: manager.token })
/** The last finished week: the one before the week in progress at the end of the report's trend. */
const lastFinishedWeek = () => report.trend[report.trend.length - 2].week

beforeAll(async () => {
  server = await startServer()
  client = apiClient(server.baseUrl)
  const buyer = await client.signIn('buyer')
  const farmer = await client.signIn('farmer')
  manager = await client.signIn('coop_admin')
  expect(manager.user.roles).toContain('coop_admin')

  farmerId = farmer.user.farmerId
  before = await client.api('/api/v1/coop/reports/weekly', { token: manager.token })
  await client.paidOrderForFarmer(buyer, farmerId)
  const cancelled = await client.paidOrderForFarmer(buyer, farmerId)
  await client.api(`/api/v1/orders/${cancelled.id}/cancel`, { method: 'POST', token: buyer.token, body: { reason: '不想要了' } })
  const cancels = (r) => r.refundsByKind.find((k) => k.kind === 'buyer_cancel')?.count ?? 0
  // the refund job sends it, the sandbox pays it back a moment later: then it counts this week
  await waitFor(async () => cancels(await client.api('/api/v1/coop/reports/weekly', { token: manager.token })) > cancels(before), { timeout: 30_000 })
  report = await client.api('/api/v1/coop/reports/weekly', { token: manager.token })

  launchSignedIn(server.baseUrl, manager)
  modals = installConfirmingModal()
}, 120_000)

afterAll(() => server?.stop())

it('the weekly report counts the new paid orders and the refund in the week in progress, the last of its 8-week trend', () => {
  expect(report).toMatchObject({ inProgress: true })
  expect(report.totals.orders).toBe(before.totals.orders + 2)
  expect(report.totals.netFen).toBeGreaterThan(before.totals.netFen)
  expect(report.totals.refundsFen).toBeGreaterThan(before.totals.refundsFen)
  expect(report.refundsByKind.reduce((sum, k) => sum + k.goodsFen, 0)).toBe(report.totals.refundsFen)
  expect(report.trend).toHaveLength(8)
  expect(report.trend[report.trend.length - 1].week).toBe(report.week)
})

it('the workbench shows the week’s orders, buyers, net, farmers and trend as the weekly report gives them', async () => {
  const page = renderPage('coop/pages/home/index')
  await waitFor(() => !!page.querySelector('#week-net'))
  const { totals } = report
  expect(text(page, '#week-net')).toBe(yuan(totals.netFen))
  expect(text(page, '#week-orders')).toContain(`订单${totals.orders}单`)
  expect(text(page, '#week-buyers')).toContain(`买家${totals.buyers}位`)
  // Two bar lists: sales by farmer (top 10), then where the buyers are (top 6 provinces).
  expect(texts(page, '.c-bars__name')).toEqual([...report.byFarmer.slice(0, 10).map((f) => f.name), ...report.byProvince.slice(0, 6).map((p) => p.province)])
  expect(texts(page, '.c-bars__name')).toContain('张国华')
  expect(page.querySelectorAll('.c-trend__col')).toHaveLength(8)
  expect(texts(page, '.c-trend__label')).toEqual(report.trend.map((p) => p.week.slice(5)))
  expect(texts(page, '.c-trend__value')).toEqual(report.trend.map((p) => (p.netFen > 0 ? `${Math.round(p.netFen / 100)}` : '')))
})

it('the workbench shows the week’s refunds by kind as the weekly report gives them, and the rule in one line', async () => {
  const page = renderPage('coop/pages/home/index')
  await waitFor(() => !!page.querySelector('#week-refunds-card'))
  expect(text(page, '#week-refunds-total')).toBe(yuan(report.totals.refundsFen))
  for (const k of report.refundsByKind) {
    const shipping = k.shippingFen > 0 ? `（另退运费 ${yuan(k.shippingFen)}）` : ''
    expect(text(page, `#week-refund-${k.kind}`)).toBe(`${KIND_LABELS[k.kind]} ${k.count}笔${yuan(k.goodsFen)}${shipping}`)
  }
  expect(!!page.querySelector('#week-coop-refunds')).toBe(report.cooperativeRefunds.count > 0)
  expect(text(page, '#refund-rule')).toBe(REFUND_WEEK_RULE)
})

it('the last finished week’s drafts can be confirmed: 确认结算单 after the modal makes one 已确认 with the same net', async () => {
  const week = lastFinishedWeek()
  const list = await statementsOf(week)
  expect(list).toMatchObject({ week, weekOver: true })
  const drafts = list.statements.filter((s) => s.status === 'draft')
  expect(drafts.length).toBeGreaterThan(0)
  const [target] = drafts
  const id = target.farmerId

  const page = renderPage('coop/pages/settlements/index', { week })
  await waitFor(() => !!page.querySelector(`#statement-${id}`))
  expect(text(page, '#statements-total')).toBe(yuan(list.totals.netFen))
  for (const s of drafts) {
    expect(text(page, `#statement-status-${s.farmerId}`)).toBe('待确认')
    expect(text(page, `#confirm-${s.farmerId}`)).toBe('确认结算单')
  }

  modals.length = 0
  page.querySelector(`#confirm-${id}`).dispatchEvent('tap')
  await waitFor(() => text(page, `#statement-status-${id}`) === '已确认')
  expect(modals).toEqual([{ title: '确认结算单', content: expect.stringContaining(`${target.farmerName} ${weekTitle(week)}应付 ${yuan(target.netFen)}`) }])
  expect(page.querySelector(`#confirm-${id}`)).toBeFalsy()
  expect(text(page, `#statement-net-${id}`)).toBe(yuan(target.netFen))
  expect(page.querySelector(`#pay-${id}`)).toBeTruthy()

  const confirmed = (await statementsOf(week)).statements.find((s) => s.farmerId === id)
  expect(confirmed).toMatchObject({ status: 'confirmed', netFen: target.netFen, paymentRef: null })
})

it('the confirmed statement takes a transfer reference: 标记已付款 makes it 已付款 with that reference', async () => {
  const week = lastFinishedWeek()
  const confirmed = (await statementsOf(week)).statements.find((s) => s.status === 'confirmed')
  const id = confirmed.farmerId

  const page = renderPage('coop/pages/settlements/index', { week })
  await waitFor(() => !!page.querySelector(`#pay-ref-${id}`))
  expect(text(page, `#statement-status-${id}`)).toBe('已确认')
  page.querySelector(`#pay-ref-${id}`).dispatchEvent('input', { detail: { value: PAYMENT_REF } })
  await waitFor(() => JSON.stringify(page.data).includes(PAYMENT_REF))
  page.querySelector(`#pay-${id}`).dispatchEvent('tap')
  await waitFor(() => text(page, `#statement-status-${id}`) === '已付款')
  expect(text(page, `#payment-ref-${id}`)).toBe(`付款凭证：${PAYMENT_REF}`)
  expect(text(page, `#statement-net-${id}`)).toBe(yuan(confirmed.netFen))
  expect(page.querySelector(`#pay-${id}`)).toBeFalsy()

  const paid = (await statementsOf(week)).statements.find((s) => s.farmerId === id)
  expect(paid).toMatchObject({ status: 'paid', paymentRef: PAYMENT_REF, netFen: confirmed.netFen })
})

it('the week in progress shows its drafts without 确认结算单: the week is not over', async () => {
  const list = await statementsOf()
  expect(list).toMatchObject({ week: report.week, weekOver: false })
  expect(list.statements.length).toBeGreaterThan(0)

  const page = renderPage('coop/pages/settlements/index')
  await waitFor(() => !!page.querySelector(`#statement-${list.statements[0].farmerId}`))
  expect(page.dom.textContent).toContain('本周还没结束，结束后才能确认。')
  expect(text(page, '#refund-rule')).toBe(REFUND_WEEK_RULE)
  const coop = list.cooperativeRefunds
  expect(text(page, '#coop-borne-refunds')).toContain(`合作社承担的退款${yuan(coop.goodsFen + coop.shippingFen)}（${coop.count}笔）`)
  // the cancelled order's refund is in the demo farmer's statement of this week, by kind
  const mine = list.statements.find((s) => s.farmerId === farmerId)
  const cancel = mine.refundsByKind.find((k) => k.kind === 'buyer_cancel')
  const shipping = cancel.shippingFen > 0 ? `，退运费 ${yuan(cancel.shippingFen)}` : ''
  expect(text(page, `#statement-refund-${farmerId}-buyer_cancel`)).toBe(`· 取消退款 ${cancel.count}笔 ${yuan(-cancel.goodsFen)}${shipping}`)
  for (const s of list.statements) {
    expect(text(page, `#statement-status-${s.farmerId}`)).toBe('待确认')
    expect(text(page, `#statement-net-${s.farmerId}`)).toBe(yuan(s.netFen))
    expect(page.querySelector(`#confirm-${s.farmerId}`)).toBeFalsy()
  }
})

it('a paid older week shows each statement 已付款 with its DEMO reference and no actions', async () => {
  // The trend ends …, week before last (confirmed, not paid), last finished week, this week; the
  // demo store paid every week before those three. The newest of them with statements:
  const older = report.trend.slice(0, -3).map((p) => p.week)
  const lists = await Promise.all(older.map((week) => statementsOf(week)))
  const paidWeek = lists.reverse().find((list) => list.statements.length > 0)
  expect(paidWeek).toBeDefined()
  const paid = paidWeek.statements
  expect(paid.map((s) => s.status)).toEqual(paid.map(() => 'paid'))

  const page = renderPage('coop/pages/settlements/index', { week: paidWeek.week })
  await waitFor(() => !!page.querySelector(`#statement-${paid[0].farmerId}`))
  for (const s of paid) {
    expect(s.paymentRef).toBe(`DEMO-${paidWeek.week}-${s.farmerId}`)
    expect(text(page, `#statement-status-${s.farmerId}`)).toBe('已付款')
    expect(text(page, `#payment-ref-${s.farmerId}`)).toBe(`付款凭证：${s.paymentRef}`)
    expect(text(page, `#statement-net-${s.farmerId}`)).toBe(yuan(s.netFen))
    expect(page.querySelector(`#confirm-${s.farmerId}`)).toBeFalsy()
    expect(page.querySelector(`#pay-${s.farmerId}`)).toBeFalsy()
  }
})
