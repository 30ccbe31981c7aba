/**
 * Registered households on the cooperative's pages in the compiled dist/weapp (miniprogram-simulate)
 * against a real API server with the demo data, where some of the demo cooperative's members are
 * on the county's register (在册 since 2016, under made-up 户编号) and the others have no number.
 * The demo manager's session is in WeChat storage. 成员管理 shows each member's masked number and
 * badge and opens 在册信息; there the full number is shown (the view is audited: the page says so
 * and the audit log has it), a new status is set through the form after a confirmation and the
 * list then has it, a bad number is refused before anything is sent, a member without a number is
 * registered, and 移出名单 ends the status on the day chosen.
 */
const { installConfirmingModal, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { launchSignedIn } = require('./support/launch')
const { text, tap, type } = require('./support/page-events')

let server
let client
let manager
let navigations
let modals
let calls

const DAY_MS = 86_400_000
/** The China date `days` from today, as the pages and the API write it. */
const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10)
/** 2016-03-01 → 2016年3月1日 */
const longDate = (day) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

const households = async () => (await client.api('/api/v1/coop/households', { token: manager.token })).members
const household = async (farmerId) => (await households()).find((m) => m.farmerId === farmerId)
const detail = (farmerId) => client.api(`/api/v1/coop/members/${farmerId}/household`, { token: manager.token })

beforeAll(async () => {
  server = await startServer()
  client = apiClient(server.baseUrl)
  manager = await client.signIn('coop_admin')
  navigations = launchSignedIn(server.baseUrl, manager)
  modals = installConfirmingModal()
  // Count the app's own calls (launchSignedIn's wx.request records nothing we can read back).
  calls = []
  const request = global.wx.request
  global.wx.request = (options) => {
    calls.push({ method: (options.method || 'GET').toUpperCase(), url: options.url })
    return request(options)
  }
}, 120_000)

afterAll(() => server?.stop())

it('成员管理 shows each member’s masked 户编号 and badge, and opens the member’s 在册信息', async () => {
  const list = await households()
  const registered = list.find((m) => m.status === 'registered' && m.registryNoMasked)
  const unnumbered = list.find((m) => m.registryNoMasked === null && m.status === null)
  expect(registered).toBeDefined()
  expect(unnumbered).toBeDefined()
  expect(registered.registryNoMasked).toMatch(/^\d{4}\*+\d{4}$/)

  const page = renderPage('coop/pages/members/index')
  await waitFor(() => page.querySelector(`#household-no-${registered.farmerId}`))
  expect(text(page.querySelector(`#household-no-${registered.farmerId}`))).toBe(`户编号 ${registered.registryNoMasked}`)
  expect(text(page.querySelector(`#household-badge-${registered.farmerId}`))).toBe('在册')
  expect(text(page.querySelector(`#household-no-${unnumbered.farmerId}`))).toBe('未登记户编号')
  expect(page.querySelector(`#household-badge-${unnumbered.farmerId}`)).toBeFalsy()
  // the old yes/no toggle is gone
  expect(page.querySelector(`#poor-${registered.farmerId}`)).toBeFalsy()
  expect(calls.some((c) => c.url.includes('poor-household'))).toBe(false)

  tap(page, `open-household-${registered.farmerId}`)
  await waitFor(() => navigations.includes(`/coop/pages/household/index?farmerId=${registered.farmerId}`))
})

it('在册信息 shows the full number (audited), and a new status set through the form reaches the list', async () => {
  const target = (await households()).find((m) => m.status === 'registered' && m.registryNoMasked)
  const before = await detail(target.farmerId)
  expect(before.current).toMatchObject({ status: 'registered', endedOn: null })

  const page = renderPage('coop/pages/household/index', { farmerId: String(target.farmerId) })
  await waitFor(() => page.querySelector('#household-summary'))
  expect(text(page.querySelector('#household-registry-no'))).toBe(before.registryNo)
  expect(text(page.querySelector('#household-head'))).toBe(before.headName)
  expect(text(page.querySelector('#household-current'))).toBe(`在册 自${longDate(before.current.startedOn)}起`)
  expect(text(page.querySelector('#household-audit-note'))).toContain('查看记录会留痕')
  expect(text(page.querySelector('#household-form-since-value'))).toBe(`${longDate(chinaDay())} ›`)

  // monitored from yesterday
  tap(page, 'household-form-status-monitored')
  page.querySelector('#household-form-since').dispatchEvent('change', { detail: { value: chinaDay(-1) } })
  await waitFor(() => text(page.querySelector('#household-form-since-value')) === `${longDate(chinaDay(-1))} ›`)
  modals.length = 0
  tap(page, 'household-save')
  await waitFor(() => text(page.querySelector('#household-status')) === '监测户')
  expect(modals).toEqual([{ title: '保存在册信息', content: `${target.name}：监测户，自${longDate(chinaDay(-1))}起；户编号 ${before.registryNo}，户主 ${before.headName}。` }])
  expect(text(page.querySelector('#household-current'))).toBe(`监测户 自${longDate(chinaDay(-1))}起`)
  // the history, newest first: 监测户 (open), then 在册 ending the day before
  const history = page.querySelectorAll('.hh-item').map(text)
  expect(history[0]).toContain(`监测户`)
  expect(history[0]).toContain(`${longDate(chinaDay(-1))} – 至今`)
  expect(history[1]).toContain(`${longDate(before.current.startedOn)} – ${longDate(chinaDay(-2))}`)

  expect(await household(target.farmerId)).toMatchObject({ status: 'monitored', since: chinaDay(-1), counts: true })
  const members = renderPage('coop/pages/members/index')
  await waitFor(() => members.querySelector(`#household-badge-${target.farmerId}`))
  expect(text(members.querySelector(`#household-badge-${target.farmerId}`))).toBe('监测户')

  // the view of the full number is in the audit log, and its page lists it
  const audit = await client.api('/api/v1/coop/registry-audit', { token: manager.token })
  const viewed = audit.entries.find((e) => e.action === 'view_number' && e.farmerId === target.farmerId)
  expect(viewed).toBeDefined()
  const log = renderPage('coop/pages/registry-audit/index')
  await waitFor(() => log.querySelector(`#audit-${viewed.id}`))
  expect(text(log.querySelector(`#audit-${viewed.id}-summary`))).toBe(viewed.summary)
  expect(text(log.querySelector(`#audit-${viewed.id}`))).toContain(viewed.userName)
})

it('a member without a number: a bad 户编号 is refused before anything is sent, a good one registers the household', async () => {
  const target = (await households()).find((m) => m.registryNoMasked === null && m.status === null)
  const page = renderPage('coop/pages/household/index', { farmerId: String(target.farmerId) })
  await waitFor(() => page.querySelector('#household-history-empty'))
  expect(text(page.querySelector('#household-registry-no'))).toBe('未登记')
  expect(text(page.querySelector('#household-status'))).toBe('不在册')
  expect(page.querySelector('#household-end-form')).toBeFalsy()

  const puts = calls.filter((c) => c.method === 'PUT').length
  type(page, 'household-form-no', '52-05')
  tap(page, 'household-save')
  await waitFor(() => page.querySelector('#household-form-error'))
  expect(text(page.querySelector('#household-form-error'))).toBe('户编号应为6–30位数字或字母')
  expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(puts)

  type(page, 'household-form-no', '5205 2610 0999 8800 17')
  await waitFor(() => JSON.stringify(page.data).includes('5205 2610 0999 8800 17'))
  tap(page, 'household-save')
  await waitFor(() => text(page.querySelector('#household-status')) === '在册')
  expect(text(page.querySelector('#household-registry-no'))).toBe('520526100999880017')
  expect(await household(target.farmerId)).toMatchObject({ status: 'registered', since: chinaDay(), registryNoMasked: '5205**********0017' })
})

it('移出名单 ends the household’s status on the day chosen: from the next day it is not on the registry', async () => {
  const target = (await households()).find((m) => m.status === 'registered' && m.since < chinaDay(-1))
  const page = renderPage('coop/pages/household/index', { farmerId: String(target.farmerId) })
  await waitFor(() => page.querySelector('#household-end-form'))
  page.querySelector('#household-end-date').dispatchEvent('change', { detail: { value: chinaDay(-1) } })
  await waitFor(() => text(page.querySelector('#household-end-date-value')) === `${longDate(chinaDay(-1))} ›`)
  modals.length = 0
  tap(page, 'household-end')
  await waitFor(() => text(page.querySelector('#household-status')) === '不在册')
  expect(modals).toEqual([{ title: '移出名单', content: `${target.name}在册到${longDate(chinaDay(-1))}为止，之后的销售不再计入在册户收入。` }])
  expect(page.querySelector('#household-end-form')).toBeFalsy()
  expect(text(page.querySelectorAll('.hh-item')[0])).toContain(`– ${longDate(chinaDay(-1))}`)
  expect(await household(target.farmerId)).toMatchObject({ status: null, counts: false })
})

it('移出名单 on today (the form’s default): the page stops offering it, says until when, and a new registration waits for tomorrow', async () => {
  const target = (await households()).find((m) => m.status === 'registered' && m.since < chinaDay(-1))
  const page = renderPage('coop/pages/household/index', { farmerId: String(target.farmerId) })
  await waitFor(() => page.querySelector('#household-end-form'))
  tap(page, 'household-end')
  await waitFor(() => !page.querySelector('#household-end-form'))
  // on the registry through today, and not one day more
  expect(text(page.querySelector('#household-current'))).toContain(`到${longDate(chinaDay())}为止`)
  expect(text(page.querySelector('#household-form-later'))).toContain(`${longDate(chinaDay(1))}起才能重新登记`)
  expect(page.querySelector('#household-save')).toBeFalsy()
  expect(await household(target.farmerId)).toMatchObject({ status: 'registered', counts: true })
})
