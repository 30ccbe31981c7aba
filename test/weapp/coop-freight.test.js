/**
 * The cooperative's 运费模板 page in the compiled dist/weapp (miniprogram-simulate) against a real
 * API server with the demo data (the demo cooperative's template: 云贵川渝 cheaper, the rest of
 * the country standard, 西藏自治区 not served). The demo manager's session is in WeChat storage.
 * The workbench opens the page; it shows the template as a table; the manager edits it (其他地区's
 * first fee, 新疆 added to 不发货地区) and the API then has exactly that; a group without provinces
 * is refused in Chinese before anything is sent; the product page then says 发货地, 满¥x包邮
 * and 以下地区不发货 from the new template.
 */
const { installTaroHost, recordNavigations, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { apiClient } = require('./support/api-client')
const { installWxStorage, storeSession } = require('./support/wx-storage')
const { yuan } = require('./support/format')
const { text, tap, type } = require('./support/page-events')

// Index of 新疆维吾尔自治区 in PROVINCES (src/domain/freight.ts); the test checks the chip says 新疆.
const XINJIANG = 30

let server
let api
let manager
let navigations
let calls

beforeAll(async () => {
  server = await startServer()
  installWxStorage()
  const client = apiClient(server.baseUrl)
  api = client.api
  manager = await client.signIn('coop_admin')
  storeSession(manager)
  installTaroHost()
  calls = installWxRequest(server.baseUrl)
  navigations = recordNavigations()
}, 120_000)

afterAll(() => server?.stop())

const current = () => api('/api/v1/coop/freight-template', { token: manager.token })

it('the workbench opens 运费模板', async () => {
  const page = renderPage('coop/pages/home/index')
  await waitFor(() => page.querySelector('#open-freight'))
  tap(page, 'open-freight')
  await waitFor(() => navigations.includes('/coop/pages/freight/index'))
})

it('shows the template as a table, saves an edit, and the API has exactly what was typed', async () => {
  const before = await current()
  expect(before.notServed).toEqual(['西藏自治区'])
  const page = renderPage('coop/pages/freight/index')
  await waitFor(() => page.querySelector('#coop-freight-current'))
  const table = text(page.querySelector('#coop-freight-current'))
  expect(table).toContain(before.name)
  expect(table).toContain('贵州、云南、四川、重庆')
  expect(table).toContain('其他地区')
  expect(table).toContain('西藏')

  tap(page, 'coop-freight-edit')
  await waitFor(() => page.querySelector('#freight-save'))
  // the named group first, 其他地区 (index 1) last
  expect(text(page.querySelector('#zone-1'))).toContain('其他地区')
  expect(page.querySelector('#zone-1-remove')).toBeFalsy()
  type(page, 'zone-1-firstFee', '13.5')
  tap(page, 'freight-not-served-toggle')
  await waitFor(() => page.querySelector(`#not-served-province-${XINJIANG}`))
  expect(text(page.querySelector(`#not-served-province-${XINJIANG}`))).toBe('新疆')
  tap(page, `not-served-province-${XINJIANG}`)
  await waitFor(() => text(page.querySelector('#freight-not-served-list')) === '西藏、新疆')
  tap(page, 'freight-save')
  await waitFor(() => page.querySelector('#coop-freight-current') && text(page.querySelector('#coop-freight-current')).includes('新疆'))

  const after = await current()
  const fallback = after.zones.find((z) => z.provinces.length === 0)
  expect(fallback.firstFeeFen).toBe(1350)
  expect(after.notServed).toEqual(['西藏自治区', '新疆维吾尔自治区'])
  expect(after.zones.find((z) => z.provinces.length > 0)).toEqual(before.zones.find((z) => z.provinces.length > 0))
  expect(text(page.querySelector('#coop-freight-current'))).toContain(`首重1kg ${yuan(1350)}`)
})

it('a new group without provinces is refused in Chinese, and nothing is sent', async () => {
  const page = renderPage('coop/pages/freight/index')
  await waitFor(() => page.querySelector('#coop-freight-edit'))
  tap(page, 'coop-freight-edit')
  await waitFor(() => page.querySelector('#zone-add'))
  tap(page, 'zone-add')
  await waitFor(() => page.querySelector('#zone-2'))
  const puts = calls.filter((c) => c.method === 'PUT').length
  tap(page, 'freight-save')
  await waitFor(() => page.querySelector('#freight-error'))
  expect(text(page.querySelector('#freight-error'))).toBe('分组2：请选择省份，或删掉这个分组')
  expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(puts)
  // the new group goes again, 其他地区 stays
  tap(page, 'zone-1-remove')
  await waitFor(() => !page.querySelector('#zone-2'))
  expect(text(page.querySelector('#zone-1'))).toContain('其他地区')
})

it('the product page says 发货地, 满¥x包邮 and 以下地区不发货 from the cooperative’s template', async () => {
  const template = await current()
  const products = (await api(`/api/v1/products?cooperative=${manager.user.cooperativeId}&limit=20`)).items
  // a farmer of this cooperative without a template of their own
  let detail
  for (const card of products) {
    detail = await api(`/api/v1/products/${card.id}`)
    if (detail.shipping.notServed.length === 2) break
  }
  expect(detail.shipping).toMatchObject({ shipsFrom: template.shipsFrom, notServed: template.notServed, freeFromFen: template.freeFromFen })

  const page = renderPage('pages/product/index', { id: String(detail.id) })
  await waitFor(() => page.querySelector('#product-shipping'))
  expect(text(page.querySelector('#product-ships-from'))).toBe(template.shipsFrom)
  expect(text(page.querySelector('#product-free-from'))).toBe(`满${yuan(template.freeFromFen)}包邮`)
  expect(text(page.querySelector('#product-not-served'))).toBe('以下地区不发货：西藏自治区、新疆维吾尔自治区')
  expect(page.querySelector('#product-not-served-more')).toBeFalsy() // two provinces: nothing to collapse
})
