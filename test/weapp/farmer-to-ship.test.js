/**
 * The farmer's 待发货 → 发货 flow in the compiled dist/weapp (miniprogram-simulate) against a
 * real API server with the demo data. A buyer places and pays an order for the demo farmer's
 * produce through the API and the sandbox cashier; the demo farmer's session is put in WeChat
 * storage the way src/stores/session.ts persists it; the queue must show the order, and the
 * ship page must ship it with the courier and tracking number entered, as the API then reports.
 * A line sold by weight (斤) shows 实发重量, with the refund it will make before confirming.
 */
const { renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { launchSignedIn } = require('./support/launch')

let server
let client
let api
let navigations
let buyer
let farmer
let order

beforeAll(async () => {
  server = await startServer()
  client = apiClient(server.baseUrl)
  api = client.api
  buyer = await client.signIn('buyer')
  farmer = await client.signIn('farmer')
  expect(farmer.user.roles).toContain('farmer')
  order = await client.paidOrderForFarmer(buyer, farmer.user.farmerId)

  navigations = launchSignedIn(server.baseUrl, farmer)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('待发货 shows the paid order with its address, items and note; 发货 opens the ship page for it', async () => {
  const page = renderPage('farmer/pages/orders/index')
  await waitFor(() => !!page.querySelector(`#farmer-order-${order.id}`))
  const text = page.dom.textContent
  expect(text).toContain('林晓 13800001234')
  expect(text).toContain('贵州省 贵阳市 观山湖区 林城西路 8 号')
  expect(text).toContain('买家留言：请轻拿轻放')
  page.querySelector(`#ship-one-${order.id}`).dispatchEvent('tap')
  await waitFor(() => navigations.includes(`/farmer/pages/ship/index?ids=${order.id}`))
})

it('the ship page ships it with the chosen courier and the typed tracking number', async () => {
  const page = renderPage('farmer/pages/ship/index', { ids: String(order.id) })
  await waitFor(() => !!page.querySelector('#courier-SF') && !!page.querySelector(`#tracking-${order.id}`))
  const rendered = () => JSON.stringify(page.data)
  page.querySelector('#courier-SF').dispatchEvent('tap')
  await waitFor(() => rendered().includes('f-couriers__item--on'))
  // Typed with spaces and in lower case: the page keeps it as the courier prints it.
  page.querySelector(`#tracking-${order.id}`).dispatchEvent('input', { detail: { value: 'sf 1234 5678 9012' } })
  await waitFor(() => rendered().includes('SF123456789012'))
  page.querySelector('#ship-submit').dispatchEvent('tap')
  await waitFor(() => {
    const result = page.querySelector(`#ship-result-${order.id}`)
    return !!result && result.dom.textContent.includes('已发货')
  })
  expect(page.querySelector(`#ship-result-${order.id}`).dom.textContent).toContain('顺丰速运 SF123456789012')

  const seen = await api(`/api/v1/orders/${order.id}`, { token: buyer.token })
  expect(seen).toMatchObject({ status: 'shipped', carrier: 'SF', trackingNo: 'SF123456789012' })
})

it('the farmer home then shows nothing left to ship and this week’s order', async () => {
  const page = renderPage('farmer/pages/home/index')
  await waitFor(() => !!page.querySelector('#home-to-ship'))
  expect(page.querySelector('#home-to-ship').dom.textContent).toContain('0单')
  expect(page.querySelector('#home-orders').dom.textContent).toMatch(/[1-9]\d*单/)
  expect(page.dom.textContent).toContain('打包清单')
  page.querySelector('#open-packing').dispatchEvent('tap')
  await waitFor(() => navigations.includes('/farmer/pages/packing/index'))
})

it('a line sold by 斤 shows 实发重量; 9.5 of 10 斤 says what goes back before confirming, and ships with it', async () => {
  const { listing } = await client.createListing(farmer, {
    title: '威宁高山洋芋 散称',
    specs: [{ name: '散称 1斤', unit: '斤', priceFen: 300, netWeightG: 500, stock: 100 }],
  })
  const { id: orderId } = await client.paidOrder(buyer, [{ specId: listing.specs[0].id, quantity: 10 }])
  const itemId = (await api(`/api/v1/farmer/orders?ids=${orderId}`, { token: farmer.token })).items[0].items[0].id

  const page = renderPage('farmer/pages/ship/index', { ids: String(orderId) })
  await waitFor(() => !!page.querySelector(`#packed-${itemId}`))
  expect(page.dom.textContent).toContain('实发重量')
  expect(page.dom.textContent).toContain('下单 10斤')
  page.querySelector(`#packed-${itemId}`).dispatchEvent('input', { detail: { value: '9.5' } })
  await waitFor(() => !!page.querySelector(`#packed-hint-${itemId}`))
  // 0.5 of 10 斤 at ¥30.00 for the line
  expect(page.querySelector(`#packed-hint-${itemId}`).dom.textContent).toBe('少 0.5斤，将自动退 ¥1.50')

  page.querySelector('#courier-SF').dispatchEvent('tap')
  page.querySelector(`#tracking-${orderId}`).dispatchEvent('input', { detail: { value: 'SF5555666677778' } })
  await waitFor(() => JSON.stringify(page.data).includes('SF5555666677778') && JSON.stringify(page.data).includes('f-couriers__item--on'))
  page.querySelector('#ship-submit').dispatchEvent('tap')
  await waitFor(() => {
    const result = page.querySelector(`#ship-result-${orderId}`)
    return !!result && result.dom.textContent.includes('已发货')
  })
  expect(page.querySelector(`#packed-done-${itemId}`).dom.textContent).toContain('实发 9.5斤')

  const seen = await api(`/api/v1/orders/${orderId}`, { token: buyer.token })
  expect(seen.items[0]).toMatchObject({ id: itemId, packedWeightG: 4750 })
  expect(seen.refunds).toEqual([expect.objectContaining({ kind: 'weight_adjustment', amountFen: 150 })])
})
