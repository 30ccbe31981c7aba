/**
 * 我的结算单 in the compiled dist/weapp (miniprogram-simulate) against a real API server with the
 * demo data. A buyer pays two orders for the demo farmer's produce and cancels one (refunded
 * through the WeChat Pay sandbox), so the farmer has a draft statement for this week with a
 * refund; signed in as that farmer, the page must show it with the figures and the refunds by
 * kind GET /api/v1/farmer/statements gives, say in one line which week a refund counts in, and
 * the farmer home must lead there. The demo store's
 * past sales give the farmer older statements too: a paid one must read 已付款 with its transfer
 * reference, a confirmed one 已确认, each with its net.
 */
const dayjs = require('dayjs')
const isoWeek = require('dayjs/plugin/isoWeek')
const utc = require('dayjs/plugin/utc')
const { renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { yuan } = require('./support/format')
const { launchSignedIn } = require('./support/launch')

dayjs.extend(utc)
dayjs.extend(isoWeek)

// The one rule for the week a refund counts in (REFUND_WEEK_RULE in src/domain/settlement.ts).
const REFUND_WEEK_RULE = '退款计入退款成功（到账）的那一周；已确认的结算单不再改动'

// This week in China (UTC+8 all year), as the server names it, and its days as the page shows them.
const chinaNow = dayjs.utc().add(8, 'hour')
const WEEK = `${chinaNow.isoWeekYear()}-W${String(chinaNow.isoWeek()).padStart(2, '0')}`
const monthDay = (d) => `${d.month() + 1}月${d.date()}日`
const DATES = `${monthDay(chinaNow.startOf('isoWeek'))}–${monthDay(chinaNow.endOf('isoWeek'))}`

/**
 * The farmer's newest statement in `status` (GET /api/v1/farmer/statements, newest week first).
 * The demo store confirms and pays older weeks, but which weeks hold the demo farmer's sales
 * depends on the date; without one in that state, the manager settles a finished week to it:
 * the oldest one not yet paid for 'paid', the newest draft for 'confirmed'.
 */
async function pastStatement(client, farmer, manager, status) {
  const mine = async () => (await client.api('/api/v1/farmer/statements', { token: farmer.token })).statements
  const statements = await mine()
  const found = statements.find((s) => s.status === status)
  if (found) return found
  const open = statements.filter((s) => s.week !== WEEK && (s.status === 'draft' || (status === 'paid' && s.status === 'confirmed')))
  const target = status === 'paid' ? open[open.length - 1] : open[0]
  const path = `/api/v1/coop/settlements/${farmer.user.farmerId}/${target.week}`
  if (target.status === 'draft') await client.api(`${path}/confirm`, { method: 'POST', token: manager.token })
  if (status === 'paid') await client.api(`${path}/pay`, { method: 'POST', token: manager.token, body: { paymentRef: `TEST-${target.week}` } })
  return (await mine()).find((s) => s.week === target.week)
}

let server
let navigations
let statement
let paid
let confirmed

beforeAll(async () => {
  server = await startServer()
  const client = apiClient(server.baseUrl)
  const buyer = await client.signIn('buyer')
  const farmer = await client.signIn('farmer')
  await client.paidOrderForFarmer(buyer, farmer.user.farmerId)
  const cancelled = await client.paidOrderForFarmer(buyer, farmer.user.farmerId)
  await client.api(`/api/v1/orders/${cancelled.id}/cancel`, { method: 'POST', token: buyer.token, body: { reason: '不想要了' } })
  const thisWeek = async () => (await client.api('/api/v1/farmer/statements', { token: farmer.token })).statements.find((s) => s.week === WEEK)
  // the refund job sends it, the sandbox pays it back a moment later: then it counts this week
  await waitFor(async () => (await thisWeek()).refundsByKind.some((k) => k.kind === 'buyer_cancel'), { timeout: 30_000 })
  statement = await thisWeek()
  const manager = await client.signIn('coop_admin')
  paid = await pastStatement(client, farmer, manager, 'paid')
  confirmed = await pastStatement(client, farmer, manager, 'confirmed')

  navigations = launchSignedIn(server.baseUrl, farmer)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('the API has this week’s draft for the farmer, counting the paid orders and the refund', () => {
  expect(statement).toMatchObject({ week: WEEK, status: 'draft' })
  expect(statement.orders).toBeGreaterThanOrEqual(2)
  expect(statement.grossFen).toBeGreaterThan(0)
  expect(statement.refundsFen).toBeGreaterThan(0)
  expect(statement.refundsByKind.reduce((sum, k) => sum + k.goodsFen, 0)).toBe(statement.refundsFen)
})

it('shows this week’s refunds by kind under 退款, and says in one line which week a refund counts in', async () => {
  const page = renderPage('farmer/pages/statements/index')
  await waitFor(() => !!page.querySelector(`#statement-${WEEK}`))
  expect(page.querySelector('#refund-rule').dom.textContent).toBe(REFUND_WEEK_RULE)
  expect(page.querySelector(`#statement-${WEEK}`).dom.textContent).toContain(`退款${yuan(-statement.refundsFen)}`)
  for (const k of statement.refundsByKind) {
    const shipping = k.shippingFen > 0 ? `，退运费 ${yuan(k.shippingFen)}` : ''
    const labels = { buyer_cancel: '取消退款', after_sale: '售后退款', weight_adjustment: '少斤退款' }
    expect(page.querySelector(`#statement-refund-${WEEK}-${k.kind}`).dom.textContent).toBe(`${labels[k.kind]} ${k.count}笔 ${yuan(-k.goodsFen)}${shipping}`)
  }
})

it('shows this week’s draft with its dates, 待确认 and the figures the API gives', async () => {
  const page = renderPage('farmer/pages/statements/index')
  await waitFor(() => !!page.querySelector(`#statement-${WEEK}`))
  const card = page.querySelector(`#statement-${WEEK}`).dom.textContent
  expect(page.querySelector(`#statement-status-${WEEK}`).dom.textContent).toBe('待确认')
  expect(page.querySelector(`#statement-net-${WEEK}`).dom.textContent).toBe(yuan(statement.netFen))
  expect(card).toContain(DATES)
  expect(card).toContain(`${chinaNow.isoWeekYear()}年第${chinaNow.isoWeek()}周 · ${statement.orders}单`)
  expect(card).toContain(`销售额${yuan(statement.grossFen)}`)
  expect(card).toContain(`合作社佣金（${statement.commissionBps / 100}%）${yuan(-statement.commissionFen)}`)
  expect(card).toContain(`应得${yuan(statement.netFen)}`)
  expect(card).toContain('合作社确认前，金额还可能变化')
})

it('the farmer home leads to 我的结算单', async () => {
  const page = renderPage('farmer/pages/home/index')
  await waitFor(() => !!page.querySelector('#open-statements'))
  page.querySelector('#open-statements').dispatchEvent('tap')
  await waitFor(() => navigations.includes('/farmer/pages/statements/index'))
})

it('a paid past week reads 已付款 with the day it was paid, its transfer reference and net', async () => {
  expect(paid).toMatchObject({ status: 'paid', paymentRef: expect.any(String) })
  const page = renderPage('farmer/pages/statements/index')
  await waitFor(() => !!page.querySelector(`#statement-${paid.week}`))
  expect(page.querySelector(`#statement-status-${paid.week}`).dom.textContent).toBe('已付款')
  expect(page.querySelector(`#statement-net-${paid.week}`).dom.textContent).toBe(yuan(paid.netFen))
  const paidOn = dayjs.utc(paid.paidAt).add(8, 'hour')
  expect(page.querySelector(`#statement-${paid.week}`).dom.textContent).toContain(`${monthDay(paidOn)}已付款，转账凭证号 ${paid.paymentRef}`)
})

it('a confirmed past week reads 已确认, waiting for the transfer, with its net', async () => {
  expect(confirmed).toMatchObject({ status: 'confirmed', paymentRef: null })
  const page = renderPage('farmer/pages/statements/index')
  await waitFor(() => !!page.querySelector(`#statement-${confirmed.week}`))
  expect(page.querySelector(`#statement-status-${confirmed.week}`).dom.textContent).toBe('已确认')
  expect(page.querySelector(`#statement-net-${confirmed.week}`).dom.textContent).toBe(yuan(confirmed.netFen))
  const card = page.querySelector(`#statement-${confirmed.week}`).dom.textContent
  expect(card).toContain('金额已确认，等合作社付款')
  expect(card).not.toContain('转账凭证号')
})
