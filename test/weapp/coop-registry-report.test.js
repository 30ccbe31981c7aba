/**
 * 在册户收入 in the compiled dist/weapp (miniprogram-simulate) against a real API server with the
 * demo data, where some of the demo cooperative's members are on the county's register. A buyer
 * pays an order for one of those households (so this week, month and year have its sale); the
 * demo manager's session is in WeChat storage. The page opens on this month and reads as GET
 * /api/v1/coop/reports/households does (income, households, orders, 斤, by village, by household
 * with masked numbers); 周 and ‹ 上一周 switch the period and the figures follow the API; 导出
 * downloads the xlsx with the manager's token in a header and opens it in WeChat's document viewer,
 * and the file carries the same totals; the audit log page lists that export.
 */
const { execFileSync } = require('node:child_process')
const { installTaroHost, recordNavigations, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { installWxRequest } = require('./support/wx-request')
const { installWxStorage, storeSession } = require('./support/wx-storage')
const { installDownloads } = require('./support/wx-files')
const { yuan } = require('./support/format')
const { text, tap } = require('./support/page-events')

let server
let client
let manager
let seller // the registered household the buyer ordered from
let sale
let files
let navigations

/**
 * The sheets of an xlsx as exceljs reads it back, each as rows of cell values. In a child Node
 * process: under jsdom, Jest resolves exceljs's dependencies to their browser builds.
 */
function readXlsx(bytes) {
  const script = `
    const ExcelJS = require('exceljs')
    const chunks = []
    process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.concat(chunks))
      const sheets = {}
      workbook.eachSheet((sheet) => {
        sheets[sheet.name] = []
        sheet.eachRow((row) => sheets[sheet.name].push(row.values.slice(1)))
      })
      process.stdout.write(JSON.stringify(sheets))
    })`
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { input: bytes, cwd: __dirname }).toString('utf8'))
}

const report = (period, at) => client.api(`/api/v1/coop/reports/households?period=${period}${at ? `&at=${at}` : ''}`, { token: manager.token })
/** 斤 as the page prints them: one decimal at most, thousands grouped. */
const jin = (n) => `${(Math.round(n * 10) / 10).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}斤`
/** 2026-W48 → 2026年第48周 */
const weekTitle = (week) => `${week.slice(0, 4)}年第${Number(week.slice(6))}周`

beforeAll(async () => {
  server = await startServer()
  client = apiClient(server.baseUrl)
  manager = await client.signIn('coop_admin')
  const buyer = await client.signIn('buyer')
  const registered = (await client.api('/api/v1/coop/households', { token: manager.token })).members.filter((m) => m.counts && m.registryNoMasked)
  const before = await report('month')
  for (const m of registered) {
    try {
      sale = await client.paidOrderForFarmer(buyer, m.farmerId)
      seller = m
      break
    } catch {
      /* nothing of theirs in stock: the next one */
    }
  }
  expect(seller).toBeDefined()
  // the sale reaches the report once the sales rollup has it
  await waitFor(async () => (await report('month')).totals.orders === before.totals.orders + 1, { timeout: 30_000 })

  installWxStorage()
  storeSession(manager)
  files = installDownloads(server.baseUrl)
  installTaroHost()
  installWxRequest(server.baseUrl)
  navigations = recordNavigations()
}, 120_000)

afterAll(() => server?.stop())

async function expectFigures(page, expected) {
  await waitFor(() => page.querySelector('#report-income') && text(page.querySelector('#report-income')) === yuan(expected.totals.incomeFen))
  expect(text(page.querySelector('#report-households'))).toBe(`${expected.totals.households}户`)
  expect(text(page.querySelector('#report-orders'))).toBe(`${expected.totals.orders}单`)
  expect(text(page.querySelector('#report-jin'))).toBe(jin(expected.totals.jin))
  for (const h of expected.byHousehold) expect(text(page.querySelector(`#report-household-${h.farmerId}-income`))).toBe(yuan(h.incomeFen))
  expect(expected.byVillage.map((_, i) => text(page.querySelector(`#village-${i}`)))).toEqual(expected.byVillage.map((v) => expect.stringContaining(yuan(v.incomeFen))))
}

it('the workbench opens 在册户收入 and 导入县名单', async () => {
  const home = renderPage('coop/pages/home/index')
  await waitFor(() => home.querySelector('#open-registry-report'))
  tap(home, 'open-registry-report')
  tap(home, 'open-household-import')
  await waitFor(() => navigations.includes('/coop/pages/household-import/index'))
  expect(navigations).toContain('/coop/pages/registry-report/index')
})

it('opens on this month with the API’s figures, the seeded sale’s household listed with its masked number', async () => {
  const month = await report('month')
  const row = month.byHousehold.find((h) => h.farmerId === seller.farmerId)
  expect(row).toMatchObject({ registryNoMasked: seller.registryNoMasked, status: 'registered' })
  expect(row.orders).toBeGreaterThanOrEqual(1)
  expect(row.incomeFen).toBeGreaterThan(0)

  const page = renderPage('coop/pages/registry-report/index')
  await expectFigures(page, month)
  expect(text(page.querySelector('#period-label'))).toBe(`${month.at.slice(0, 4)}年${Number(month.at.slice(5, 7))}月`)
  const line = text(page.querySelector(`#report-household-${seller.farmerId}`))
  expect(line).toContain(seller.name)
  expect(line).toContain(seller.registryNoMasked)
  expect(line).toContain('在册')
  expect(page.querySelector('#period-next').dom.className).toContain('off') // nothing after the month in progress
})

it('周 and ‹ 上一周 switch the period: the figures follow the API’s for each', async () => {
  const page = renderPage('coop/pages/registry-report/index')
  await waitFor(() => page.querySelector('#report-income'))
  const week = await report('week')
  tap(page, 'period-week')
  await waitFor(() => text(page.querySelector('#period-label')) === weekTitle(week.at))
  await expectFigures(page, week)
  expect(week.byHousehold.find((h) => h.farmerId === seller.farmerId).orders).toBeGreaterThanOrEqual(1)

  // the week before, as the weekly report's trend names it (weeks from the API, not date math)
  const { trend } = await client.api('/api/v1/coop/reports/weekly', { token: manager.token })
  expect(trend[trend.length - 1].week).toBe(week.at)
  const previous = await report('week', trend[trend.length - 2].week)
  tap(page, 'period-prev')
  await waitFor(() => text(page.querySelector('#period-label')) === weekTitle(previous.at))
  await expectFigures(page, previous)

  tap(page, 'period-year')
  const year = await report('year')
  await waitFor(() => text(page.querySelector('#period-label')) === `${year.at}年`)
  await expectFigures(page, year)
})

it('导出 downloads the xlsx with the token in a header, opens it in WeChat, and it carries the same totals; the audit log lists the export', async () => {
  const page = renderPage('coop/pages/registry-report/index')
  await waitFor(() => page.querySelector('#report-income'))
  const month = await report('month')
  tap(page, 'registry-export')
  await waitFor(() => files.opened.length === 1)
  const [download] = files.downloads
  expect(download.url).toBe(`${server.baseUrl}/api/v1/coop/reports/households.xlsx?period=month&at=${month.at}`)
  expect(download.headers.authorization).toBe(`Bearer ${manager.token}`)
  expect(download.status).toBe(200)
  expect(files.opened).toEqual([{ filePath: download.tempFilePath, fileType: 'xlsx', showMenu: true }])

  const rows = readXlsx(download.bytes)['按户']
  expect(String(rows[0][0])).toContain('导出人')
  expect(rows[1][0]).toBe('户编号')
  const total = rows[rows.length - 1]
  expect(total[0]).toBe('合计')
  expect(Math.round(Number(total[9]) * 100)).toBe(month.totals.incomeFen)
  expect(rows).toHaveLength(month.byHousehold.length + 3) // title, header, households, 合计

  const audit = await client.api('/api/v1/coop/registry-audit', { token: manager.token })
  const exported = audit.entries.find((e) => e.action === 'export')
  expect(exported).toBeDefined()
  tap(page, 'open-registry-audit')
  await waitFor(() => navigations.includes('/coop/pages/registry-audit/index'))
  const log = renderPage('coop/pages/registry-audit/index')
  await waitFor(() => log.querySelector(`#audit-${exported.id}`))
  expect(text(log.querySelector(`#audit-${exported.id}-summary`))).toBe(exported.summary)
})
