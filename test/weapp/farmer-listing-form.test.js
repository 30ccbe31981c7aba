/**
 * The farmer's 上架商品 step form in the compiled dist/weapp (miniprogram-simulate) against a real
 * API server with the demo data. The demo farmer's session is put in WeChat storage the way
 * src/stores/session.ts persists it. WeChat's photo picker, compressor and file reader are stood
 * in for (they hand back a real JPEG); the upload itself goes over HTTP to POST /api/v1/uploads
 * as the raw body. The fields are filled through input events, the form is submitted, and the
 * product must then exist in the farmer's own list through the API, priced in fen.
 */
const { installTaroHost, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { apiClient } = require('./support/api-client')
const { installWxStorage, storeSession } = require('./support/wx-storage')
const { installBinaryRequests, installPhotoApis } = require('./support/wx-photos')
const { text, tap, type } = require('./support/page-events')

const DRAFT_KEY = 'xiangji-listing-draft:new'
const TITLE = '威宁高山洋芋（模拟器测试）'

let server
let api
let storage
let farmer
let uploads

beforeAll(async () => {
  server = await startServer()
  storage = installWxStorage()
  const client = apiClient(server.baseUrl)
  api = client.api
  farmer = await client.signIn('farmer')
  expect(farmer.user.roles).toContain('farmer')
  storeSession(farmer)
  // Before the app loads: Taro only wraps the wx APIs that exist when it starts.
  installPhotoApis()
  installTaroHost()
  installWxRequest(server.baseUrl)
  uploads = installBinaryRequests(server.baseUrl)
}, 90_000)

afterAll(async () => {
  await server?.stop()
})

it('lists a product through the four steps and it exists through the API', async () => {
  const page = renderPage('farmer/pages/listing-edit/index')
  await waitFor(() => text(page).includes('拍几张好看的照片'))

  // 1 照片: picked, compressed, read and uploaded with an Upload-Id
  tap(page, 'listing-add-photo')
  await waitFor(() => page.querySelector('#photo-0'))
  expect(uploads).toHaveLength(1)
  expect(uploads[0].headers['upload-id']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(uploads[0].headers.authorization).toBe(`Bearer ${farmer.token}`)
  tap(page, 'listing-next')

  // 2 名称与介绍
  await waitFor(() => page.querySelector('#listing-title') && page.querySelector('#category-vegetables'))
  type(page, 'listing-title', TITLE)
  type(page, 'listing-description', '沙地里种的黄心洋芋，面面的。')
  tap(page, 'category-vegetables')
  await waitFor(() => JSON.parse(storage.get(DRAFT_KEY) || '{}').categoryId === 'vegetables')
  expect(JSON.parse(storage.get(DRAFT_KEY)).title).toBe(TITLE) // the draft is on the phone after every change
  tap(page, 'listing-next')

  // 3 规格与价格: sold by the box of 10 斤, price typed in 元
  await waitFor(() => page.querySelector('#spec-0-price'))
  tap(page, 'spec-0-unit-box')
  await waitFor(() => text(page).includes('每箱价格'))
  type(page, 'spec-0-price', '26.8')
  type(page, 'spec-0-weight', '10')
  type(page, 'spec-0-stock', '30')
  await waitFor(() => JSON.parse(storage.get(DRAFT_KEY)).specs[0].stock === '30')
  tap(page, 'listing-next')

  // 4 采摘与发货: the defaults (from today, ships now) are fine
  await waitFor(() => page.querySelector('#listing-submit'))
  tap(page, 'listing-submit')
  await waitFor(() => page.querySelector('#listing-saved'))
  expect(text(page)).toContain('已上架')
  expect(storage.has(DRAFT_KEY)).toBe(false)

  const mine = await api('/api/v1/farmer/products?limit=50', { token: farmer.token })
  const listing = mine.items.find((l) => l.title === TITLE)
  expect(listing).toMatchObject({ categoryId: 'vegetables', status: 'on_sale', reviewStatus: 'approved', description: '沙地里种的黄心洋芋，面面的。' })
  expect(listing.specs).toEqual([expect.objectContaining({ name: '10斤装', priceFen: 2680, unit: '箱', netWeightG: 5000, stock: 30 })])
  expect(listing.photos).toHaveLength(1)
  expect(listing.photos[0].key).toMatch(/^u\//)
  const publicView = await api(`/api/v1/products/${listing.id}`)
  expect(publicView.title).toBe(TITLE)
})

it('says plainly when the text is refused, and keeps what was typed', async () => {
  // The same page again (one load per route per file): a new draft with a risky title.
  storage.set(DRAFT_KEY, JSON.stringify({
    version: 1, productId: null, step: 3, photos: [], title: '赌博工具', description: '', categoryId: 'fruit', origin: '',
    specs: [{ name: '', price: '10', unit: '斤', weightJin: '1', stock: '5' }], harvestStart: '2026-01-01', harvestEnd: '2026-01-31', presale: false, shipsFrom: '2026-01-01',
  }))
  const page = renderPage('farmer/pages/listing-edit/index')
  await waitFor(() => text(page).includes('已恢复上次没提交的内容'))
  tap(page, 'listing-submit')
  // No photo yet: the form goes back to step 1 and says so.
  await waitFor(() => text(page).includes('请至少添加一张照片'))
  tap(page, 'listing-add-photo')
  await waitFor(() => page.querySelector('#photo-0'))
  for (let i = 0; i < 3; i++) {
    tap(page, 'listing-next')
    await waitFor(() => JSON.parse(storage.get(DRAFT_KEY)).step === i + 1)
  }
  tap(page, 'listing-submit')
  await waitFor(() => text(page).includes('内容包含违规信息，请修改后再提交'))
  expect(JSON.parse(storage.get(DRAFT_KEY)).title).toBe('赌博工具')
})
