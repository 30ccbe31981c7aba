/**
 * The farmer's order lists (待发货 oldest paid first, keyset pages, one farmer's orders only),
 * the ship page's orders by id, and refusals: buyers 403, someone else's order 404, bad input 400.
 */
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addSignedInFarmer, placeAndPay, ship, type TestFarmer } from './fulfilment-fixtures'

let now = new Date('2026-11-25T02:00:00Z')
let t: TestApp
let zhang: TestFarmer
let li: TestFarmer
let buyer: TestBuyer
const paid: number[] = []
let theirs: number

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db)
  zhang = await addSignedInFarmer(t, coop.id, '张国华', [{ priceFen: 2990, stock: 100 }, { priceFen: 4990, stock: 100 }])
  li = await addSignedInFarmer(t, coop.id, '李春梅')
  buyer = await addBuyer(t)
  for (let i = 0; i < 3; i++) {
    now = new Date(now.getTime() + 600_000)
    const { orderIds } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[i % 2], quantity: i + 1 }], `请放门卫${i}`)
    paid.push(orderIds[0])
  }
  theirs = (await placeAndPay(t, buyer, [{ specId: li.specIds[0], quantity: 1 }])).orderIds[0]
})
afterAll(() => t.close())

const get = (farmer: TestFarmer | TestBuyer, url: string) => t.app.inject({ method: 'GET', url, headers: farmer.auth })

describe('待发货: paid orders to ship', () => {
  it('lists the farmer’s paid orders oldest first, with items, address, note, amounts and paid time', async () => {
    const res = await get(zhang, '/api/v1/farmer/orders?status=paid')
    expect(res.statusCode).toBe(200)
    const { items, nextCursor } = res.json()
    expect(items.map((o: { id: number }) => o.id)).toEqual(paid)
    expect(nextCursor).toBeNull()
    const [first] = items
    expect(first).toMatchObject({
      status: 'paid',
      note: '请放门卫0',
      address: { name: '林晓', phone: '13800000000', full: '贵州省 贵阳市 观山湖区 林城西路 1 号', postalCode: null },
      items: [{ specId: zhang.specIds[0], title: '张国华的苹果', specName: '5斤装', unit: '斤', quantity: 1, unitPriceFen: 2990, lineTotalFen: 2990 }],
      itemsFen: 2990,
      carrier: null,
      trackingNo: null,
      wechatSync: null,
    })
    expect(first.totalFen).toBe(first.itemsFen + first.shippingFen)
    expect(Date.parse(first.paidAt)).toBeLessThan(Date.parse(items[1].paidAt))
    // the default list is the queue to ship
    expect((await get(zhang, '/api/v1/farmer/orders')).json().items.map((o: { id: number }) => o.id)).toEqual(paid)
  })

  it('pages with a cursor, oldest first, without repeats', async () => {
    const one = (await get(zhang, '/api/v1/farmer/orders?status=paid&limit=2')).json()
    expect(one.items.map((o: { id: number }) => o.id)).toEqual(paid.slice(0, 2))
    const two = (await get(zhang, `/api/v1/farmer/orders?status=paid&limit=2&cursor=${one.nextCursor}`)).json()
    expect(two.items.map((o: { id: number }) => o.id)).toEqual(paid.slice(2))
    expect(two.nextCursor).toBeNull()
  })

  it('never shows another farmer’s orders', async () => {
    const mine = (await get(li, '/api/v1/farmer/orders?status=paid')).json().items.map((o: { id: number }) => o.id)
    expect(mine).toEqual([theirs])
  })

  it('gives the ship page the orders it names, and 404 when one is someone else’s', async () => {
    const res = await get(zhang, `/api/v1/farmer/orders?ids=${paid[2]},${paid[0]}`)
    expect(res.json().items.map((o: { id: number }) => o.id)).toEqual([paid[2], paid[0]])
    expect((await get(zhang, `/api/v1/farmer/orders?ids=${paid[0]},${theirs}`)).statusCode).toBe(404)
    expect((await get(li, `/api/v1/farmer/orders?ids=${paid[0]}`)).statusCode).toBe(404)
  })

  it('shipped orders move to the shipped list, newest first, showing the WeChat sync state', async () => {
    now = new Date(now.getTime() + 600_000)
    await ship(t, zhang, [{ orderId: paid[1], carrier: 'SF', trackingNo: 'SF7000000000001' }])
    const queue = (await get(zhang, '/api/v1/farmer/orders?status=paid')).json().items.map((o: { id: number }) => o.id)
    expect(queue).toEqual([paid[0], paid[2]])
    const shipped = (await get(zhang, '/api/v1/farmer/orders?status=shipped')).json().items
    expect(shipped).toHaveLength(1)
    expect(shipped[0]).toMatchObject({ id: paid[1], status: 'shipped', carrier: 'SF', trackingNo: 'SF7000000000001', wechatSync: 'pending' })
    await t.app.jobs.runDue(now)
    expect((await get(zhang, '/api/v1/farmer/orders?status=shipped')).json().items[0].wechatSync).toBe('uploaded')
  })
})

describe('refusals', () => {
  const endpoints = ['/api/v1/farmer/orders', '/api/v1/farmer/packing-list', '/api/v1/farmer/home']

  it.each(endpoints)('GET %s: a buyer gets 403, no session 401', async (url) => {
    expect((await get(buyer, url)).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401)
  })

  it.each([
    'status=bogus',
    'status=pending_payment',
    'limit=0',
    'limit=51',
    'limit=ten',
    'cursor=not-a-cursor',
    `cursor=${Buffer.from('{"at":"x","id":1}').toString('base64url')}`,
    'ids=a,b',
    'ids=',
    `ids=${Array.from({ length: 51 }, (_, i) => i + 1).join(',')}`,
    'ids=0',
    'extra=1',
  ])('GET /api/v1/farmer/orders?%s → 400 JSON', async (query) => {
    const res = await get(zhang, `/api/v1/farmer/orders?${query}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toEqual(expect.any(String))
  })
})
