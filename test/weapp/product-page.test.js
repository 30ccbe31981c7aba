/** The compiled product page in miniprogram-simulate against a real API server. */
const { installTaroHost, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { httpRequest } = require('./support/http')

let server

beforeAll(async () => {
  server = await startServer()
  installTaroHost()
  installWxRequest(server.baseUrl)
}, 90_000)

afterAll(async () => {
  await server?.stop()
})

it('a Weining apple product shows its title, every spec with its price, and its farmer', async () => {
  const list = JSON.parse((await httpRequest(`${server.baseUrl}/api/v1/products?q=${encodeURIComponent('苹果')}`)).text).items
  const apple = list.find((p) => p.origin.includes('威宁'))
  expect(apple).toBeTruthy()
  const detail = JSON.parse((await httpRequest(`${server.baseUrl}/api/v1/products/${apple.id}`)).text)

  const page = renderPage('pages/product/index', { id: String(apple.id) })
  await waitFor(() => page.dom.textContent.includes(detail.title))
  const text = page.dom.textContent
  expect(text).toContain(detail.farmer.name)
  for (const spec of detail.specs) {
    expect(text).toContain(spec.name)
    expect(text).toContain(`¥${Math.floor(spec.priceFen / 100)}.${String(spec.priceFen % 100).padStart(2, '0')}`)
  }
})

it('an unknown product shows the "not found" state instead of an empty page', async () => {
  const page = renderPage('pages/product/index', { id: '999999' })
  await waitFor(() => page.dom.textContent.includes('商品不存在'))
})
