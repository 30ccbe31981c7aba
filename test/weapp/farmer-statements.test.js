/**
 * 我的结算单 in the compiled dist/weapp (miniprogram-simulate) against a real API server with the
 * demo data. A buyer pays an order for the demo farmer's produce, so the farmer has a draft
 * statement for this week; signed in as that farmer, the page must show it with the figures
 * GET /api/v1/farmer/statements gives, and the farmer home must lead there.
 */
const dayjs = require('dayjs')
const isoWeek = require('dayjs/plugin/isoWeek')
const utc = require('dayjs/plugin/utc')
const { renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { launchSignedIn } = require('./support/launch')

dayjs.extend(utc)
dayjs.extend(isoWeek)

const yuan = (fen) => `${fen < 0 ? '-' : ''}¥${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`
// This week in China (UTC+8 all year), as the server names it, and its days as the page shows them.
const chinaNow = dayjs.utc().add(8, 'hour')
const WEEK = `${chinaNow.isoWeekYear()}-W${String(chinaNow.isoWeek()).padStart(2, '0')}`
const monthDay = (d) => `${d.month() + 1}月${d.date()}日`
const DATES = `${monthDay(chinaNow.startOf('isoWeek'))}–${monthDay(chinaNow.endOf('isoWeek'))}`

let server
let navigations
let statement

beforeAll(async () => {
  server = await startServer()
  const client = apiClient(server.baseUrl)
  const buyer = await client.signIn('buyer')
  const farmer = await client.signIn('farmer')
  await client.paidOrderForFarmer(buyer, farmer.user.farmerId)
  const mine = await client.api('/api/v1/farmer/statements', { token: farmer.token })
  statement = mine.statements.find((s) => s.week === WEEK)

  navigations = launchSignedIn(server.baseUrl, farmer)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('the API has this week’s draft for the farmer, counting the paid order', () => {
  expect(statement).toMatchObject({ week: WEEK, status: 'draft' })
  expect(statement.orders).toBeGreaterThanOrEqual(1)
  expect(statement.grossFen).toBeGreaterThan(0)
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
