/**
 * The farmer's 运费 page in the compiled dist/weapp (miniprogram-simulate) against a real API
 * server with the demo data. The demo farmer has no template of their own, so the cooperative's
 * applies: the page says so in plain words with its zones as a table. The farmer sets their own
 * (按件, from the same editor): the page and the API then say 使用我自己的运费模板 with exactly
 * those figures; 改回合作社的运费模板 (after the confirm modal) drops it again.
 */
const { installConfirmingModal, installTaroHost, recordNavigations, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { apiClient } = require('./support/api-client')
const { installWxStorage, storeSession } = require('./support/wx-storage')
const { text, tap, type } = require('./support/page-events')

let server
let api
let farmer
let navigations
let modals

beforeAll(async () => {
  server = await startServer()
  installWxStorage()
  const client = apiClient(server.baseUrl)
  api = client.api
  farmer = await client.signIn('farmer')
  storeSession(farmer)
  installTaroHost()
  installWxRequest(server.baseUrl)
  navigations = recordNavigations()
  modals = installConfirmingModal()
}, 120_000)

afterAll(() => server?.stop())

const freight = () => api('/api/v1/farmer/freight-template', { token: farmer.token })

it('the workbench opens 运费', async () => {
  const page = renderPage('farmer/pages/home/index')
  await waitFor(() => page.querySelector('#open-freight'))
  tap(page, 'open-freight')
  await waitFor(() => navigations.includes('/farmer/pages/freight/index'))
})

let page

it('says the cooperative’s template applies, with its zones as a table', async () => {
  const now = await freight()
  expect(now.source).toBe('cooperative')
  page = renderPage('farmer/pages/freight/index')
  await waitFor(() => page.querySelector('#freight-source'))
  expect(text(page.querySelector('#freight-source'))).toBe('使用合作社的运费模板')
  const table = text(page.querySelector('#freight-applies'))
  expect(table).toContain(now.applies.name)
  expect(table).toContain('其他地区')
  expect(table).toContain('西藏')
  expect(page.querySelector('#freight-reset')).toBeFalsy()
})

it('sets the farmer’s own template by the piece, and the page and the API say it is theirs', async () => {
  tap(page, 'freight-edit')
  await waitFor(() => page.querySelector('#freight-save'))
  type(page, 'freight-name', '我家按箱')
  tap(page, 'freight-basis-piece')
  await waitFor(() => text(page).includes('首件运费（元）'))
  // zone 0: 云贵川渝, zone 1: 其他地区 (both prefilled from the cooperative's)
  type(page, 'zone-0-first', '1')
  type(page, 'zone-0-firstFee', '6')
  type(page, 'zone-0-step', '1')
  type(page, 'zone-0-stepFee', '3')
  type(page, 'zone-1-first', '1')
  type(page, 'zone-1-firstFee', '15')
  type(page, 'zone-1-step', '2')
  type(page, 'zone-1-stepFee', '5')
  type(page, 'freight-free-from', '')
  tap(page, 'freight-save')
  await waitFor(() => page.querySelector('#freight-source') && text(page.querySelector('#freight-source')) === '使用我自己的运费模板')

  const mine = await freight()
  expect(mine.source).toBe('own')
  expect(mine.applies).toMatchObject({ name: '我家按箱', basis: 'piece', freeFromFen: null, notServed: ['西藏自治区'] })
  expect(mine.applies.zones.find((z) => z.provinces.length === 0)).toEqual({ provinces: [], firstUnits: 1, firstFeeFen: 1500, stepUnits: 2, stepFeeFen: 500 })
  expect(mine.applies.zones.find((z) => z.provinces.length > 0)).toMatchObject({ firstUnits: 1, firstFeeFen: 600, stepUnits: 1, stepFeeFen: 300 })
  expect(text(page.querySelector('#freight-applies'))).toContain('首件1件 ¥15.00，续件每2件 ¥5.00')
})

it('改回合作社的运费模板 (after the confirm) drops the farmer’s own', async () => {
  tap(page, 'freight-reset')
  await waitFor(() => text(page.querySelector('#freight-source')) === '使用合作社的运费模板')
  expect(modals.map((m) => m.title)).toContain('改回合作社的运费')
  expect((await freight()).source).toBe('cooperative')
})
