/**
 * The compiled dist/weapp (Taro's real templates, runtime and reconciler) rendered in
 * miniprogram-simulate, talking to a real API server with the demo catalogue.
 */
const { installTaroHost, recordNavigations, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')

let server
let host
let navigations

beforeAll(async () => {
  server = await startServer()
  host = installTaroHost()
  installWxRequest(server.baseUrl)
  navigations = recordNavigations()
}, 90_000)

afterAll(async () => {
  await server?.stop()
})

async function apiJson(path) {
  const { httpRequest } = require('./support/http')
  return JSON.parse((await httpRequest(server.baseUrl + path)).text)
}

describe('home page (main package)', () => {
  let page
  let inSeason

  beforeAll(async () => {
    inSeason = (await apiJson('/api/v1/products?inSeason=true')).items
    page = renderPage('pages/index/index')
  })

  it('shows the titles of the produce in season, from the API', async () => {
    expect(inSeason.length).toBeGreaterThan(3)
    await waitFor(() => inSeason.slice(0, 3).every((p) => page.dom.textContent.includes(p.title)))
    expect(page.dom.textContent).toContain('¥')
  })

  it('tapping a product card opens that product', async () => {
    const first = inSeason[0]
    const card = page.querySelector(`#product-card-${first.id}`)
    expect(card).toBeTruthy()
    card.dispatchEvent('tap')
    await waitFor(() => navigations.some((url) => url === `/pages/product/index?id=${first.id}`))
  })

  it('keeps the first render within the setData budget (P2: first render ≤ 64 KB)', () => {
    const home = host.setDataLog.filter((c) => c.route === 'pages/index/index')
    expect(home.length).toBeGreaterThan(0)
    const firstRenderBytes = home.reduce((sum, c) => sum + c.bytes, 0)
    expect(firstRenderBytes).toBeLessThanOrEqual(64 * 1024)
  })
})
