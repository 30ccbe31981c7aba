/**
 * The cooperative manager's 待审核商品 queue in the compiled dist/weapp (miniprogram-simulate)
 * against a real API server with the demo data. The demo farmer lists two products whose text
 * the sandbox's msg_sec_check answers with "review" (SANDBOX_REVIEW_WORDS); the demo manager's
 * session is put in WeChat storage. The workbench links to the queue with its count; the queue
 * shows both; one is approved and one refused with a reason (each after the confirm modal), and
 * the API then has the first in the catalogue, the second back with the farmer, the queue empty.
 */
const { installConfirmingModal, installTaroHost, recordNavigations, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { apiClient } = require('./support/api-client')
const { installWxStorage, storeSession } = require('./support/wx-storage')

const REVIEW_WORD = '待审核'

let server
let client
let farmer
let manager
let potatoes
let peppers
let modals
let navigations

beforeAll(async () => {
  server = await startServer({ SANDBOX_REVIEW_WORDS: REVIEW_WORD })
  client = apiClient(server.baseUrl)
  installWxStorage()
  farmer = await client.signIn('farmer')
  manager = await client.signIn('coop_admin')
  expect(manager.user.roles).toContain('coop_admin')

  const first = await client.createListing(farmer, { title: `威宁高山洋芋（${REVIEW_WORD}）` })
  const second = await client.createListing(farmer, { title: '草海干辣椒', description: `自家晒的辣椒，${REVIEW_WORD}的说明`, categoryId: 'spices' })
  expect([first.check, second.check]).toEqual(['review', 'review'])
  potatoes = first.listing
  peppers = second.listing
  expect((await client.raw(`/api/v1/products/${potatoes.id}`)).status).toBe(404)

  storeSession(manager)
  installTaroHost()
  installWxRequest(server.baseUrl)
  modals = installConfirmingModal()
  navigations = recordNavigations()
}, 120_000)

afterAll(() => server?.stop())

it('the workbench shows how many listings wait and opens the queue', async () => {
  const page = renderPage('coop/pages/home/index')
  await waitFor(() => !!page.querySelector('#reviews-waiting'))
  expect(page.querySelector('#reviews-waiting').dom.textContent).toBe('2')
  page.querySelector('#open-reviews').dispatchEvent('tap')
  await waitFor(() => navigations.includes('/coop/pages/reviews/index'))
})

it('the queue shows each held listing with its farmer, text, reason and prices; 通过并上架 publishes it', async () => {
  const page = renderPage('coop/pages/reviews/index')
  await waitFor(() => !!page.querySelector(`#review-${potatoes.id}`) && !!page.querySelector(`#review-${peppers.id}`))
  const card = page.querySelector(`#review-${potatoes.id}`).dom.textContent
  expect(card).toContain(`威宁高山洋芋（${REVIEW_WORD}）`)
  expect(card).toContain('张国华')
  expect(card).toContain('海拔两千米的坡地，沙土里长大。')
  expect(card).toContain('内容需要合作社人工审核')
  expect(card).toContain('10斤装（5kg）')
  expect(card).toContain('¥39.80')
  expect(page.querySelector(`#review-${peppers.id}`).dom.textContent).toContain(`自家晒的辣椒，${REVIEW_WORD}的说明`)

  page.querySelector(`#approve-${potatoes.id}`).dispatchEvent('tap')
  await waitFor(() => !page.querySelector(`#review-${potatoes.id}`))
  expect(modals).toEqual([expect.objectContaining({ title: '通过审核', content: expect.stringContaining('威宁高山洋芋') })])
  expect(page.querySelector(`#review-${peppers.id}`)).toBeTruthy()

  const published = await client.api(`/api/v1/products/${potatoes.id}`)
  expect(published.title).toBe(`威宁高山洋芋（${REVIEW_WORD}）`)
  const catalogue = await client.api(`/api/v1/products?farmer=${farmer.user.farmerId}&limit=50`)
  expect(catalogue.items.map((p) => p.id)).toContain(potatoes.id)
  expect((await client.api(`/api/v1/farmer/products/${potatoes.id}`, { token: farmer.token })).reviewStatus).toBe('approved')
})

it('不通过 takes a reason the farmer then reads, and the queue ends empty', async () => {
  modals.length = 0
  const page = renderPage('coop/pages/reviews/index')
  await waitFor(() => !!page.querySelector(`#reject-${peppers.id}`))
  page.querySelector(`#reject-${peppers.id}`).dispatchEvent('tap')
  await waitFor(() => !!page.querySelector(`#reject-note-${peppers.id}`))
  page.querySelector(`#reject-note-${peppers.id}`).dispatchEvent('input', { detail: { value: '请写清楚辣椒的品种和晾晒方法' } })
  await waitFor(() => JSON.stringify(page.data).includes('请写清楚辣椒的品种和晾晒方法'))
  page.querySelector(`#reject-confirm-${peppers.id}`).dispatchEvent('tap')
  await waitFor(() => page.dom.textContent.includes('没有待审核的商品'))
  expect(modals).toEqual([expect.objectContaining({ title: '不通过审核', content: expect.stringContaining('原因：请写清楚辣椒的品种和晾晒方法') })])

  const refused = await client.api(`/api/v1/farmer/products/${peppers.id}`, { token: farmer.token })
  expect(refused).toMatchObject({ reviewStatus: 'rejected', reviewNote: '请写清楚辣椒的品种和晾晒方法' })
  expect((await client.raw(`/api/v1/products/${peppers.id}`)).status).toBe(404)
  expect((await client.api('/api/v1/coop/reviews', { token: manager.token })).items).toEqual([])
})
