/**
 * The packing list (what to pack by a day, totalled by spec) and the farmer home figures (this
 * China ISO week: orders, paid − refunded, quantities by unit; waiting to ship; low stock).
 */
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative, addProduct } from '../support/catalog-builders'
import { addBuyer, placeOrder, type TestBuyer } from '../support/order-builders'
import { addSignedInFarmer, placeAndPay, ship, type TestFarmer } from './fulfilment-fixtures'

let now = new Date('2026-11-25T02:00:00Z')
let t: TestApp
let coopId: number
let buyer: TestBuyer

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  coopId = (await addCooperative(t.store.db)).id
  buyer = await addBuyer(t)
})
afterAll(() => t.close())

const get = (who: { auth: { authorization: string } }, url: string) => t.app.inject({ method: 'GET', url, headers: who.auth })
const at = (iso: string) => (now = new Date(iso))

describe('packing list', () => {
  let zhao: TestFarmer
  let presale: number

  beforeAll(async () => {
    at('2026-11-26T01:00:00Z') // Thursday 09:00 in China
    zhao = await addSignedInFarmer(t, coopId, '赵大山', [
      { name: '5斤装', netWeightG: 2500, stock: 100 },
      { name: '10斤装', netWeightG: 5000, priceFen: 5490, stock: 100 },
    ])
    presale = (await addProduct(t.store.db, zhao.id, { title: '赵家新米', shipsFrom: '2026-12-01' }, [{ name: '10kg', unit: 'kg', netWeightG: 10000, stock: 9 }])).specs[0].id
    await placeAndPay(t, buyer, [{ specId: zhao.specIds[0], quantity: 2 }, { specId: zhao.specIds[1], quantity: 1 }])
    await placeAndPay(t, buyer, [{ specId: zhao.specIds[0], quantity: 1 }])
    await placeAndPay(t, buyer, [{ specId: presale, quantity: 1 }])
    const shipped = await placeAndPay(t, buyer, [{ specId: zhao.specIds[1], quantity: 4 }])
    await ship(t, zhao, [{ orderId: shipped.orderIds[0], carrier: 'ZTO', trackingNo: '75300000000011' }])
    await placeOrder(t, buyer, [{ specId: zhao.specIds[0], quantity: 7 }]) // never paid
  })

  it('totals today’s paid, unshipped orders by spec, with their net weight in kg', async () => {
    const res = await get(zhao, '/api/v1/farmer/packing-list')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      date: '2026-11-26',
      ordersCount: 2,
      lines: [
        { specId: zhao.specIds[0], productId: zhao.productId, title: '赵大山的苹果', specName: '5斤装', unit: '斤', quantity: 3, orders: 2, netWeightKg: 7.5 },
        { specId: zhao.specIds[1], productId: zhao.productId, title: '赵大山的苹果', specName: '10斤装', unit: '斤', quantity: 1, orders: 1, netWeightKg: 5 },
      ],
      totalNetWeightKg: 12.5,
    })
  })

  it('a pre-sale order joins the list on the day it ships from; orders paid after the day do not', async () => {
    const dec1 = (await get(zhao, '/api/v1/farmer/packing-list?date=2026-12-01')).json()
    expect(dec1.ordersCount).toBe(3)
    expect(dec1.lines.find((l: { specId: number }) => l.specId === presale)).toMatchObject({ quantity: 1, unit: 'kg', netWeightKg: 10 })
    expect(dec1.totalNetWeightKg).toBe(22.5)
    const before = (await get(zhao, '/api/v1/farmer/packing-list?date=2026-11-25')).json()
    expect(before).toEqual({ date: '2026-11-25', ordersCount: 0, lines: [], totalNetWeightKg: 0 })
  })

  it('another farmer’s list does not include these orders', async () => {
    const other = await addSignedInFarmer(t, coopId, '钱小溪')
    expect((await get(other, '/api/v1/farmer/packing-list?date=2026-12-01')).json()).toMatchObject({ ordersCount: 0, lines: [] })
  })

  it.each(['2026-02-30', '2026-13-01', 'today', '2026-1-1', '20261126'])('date=%s → 400', async (date) => {
    const res = await get(zhao, `/api/v1/farmer/packing-list?date=${date}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toEqual(expect.any(String))
  })
})

describe('farmer home', () => {
  let wang: TestFarmer
  let totals: number[]

  beforeAll(async () => {
    at('2026-11-18T04:00:00Z')
    wang = await addSignedInFarmer(t, coopId, '王小二', [
      { name: '5斤装', stock: 100 },
      { name: '一箱', unit: '箱', priceFen: 6800, netWeightG: 5000, stock: 100 },
      { name: '小份', stock: 4 },
    ])
    await addProduct(t.store.db, wang.id, { title: '王家核桃', status: 'paused' }, [{ name: '1斤', stock: 1 }])
    await addProduct(t.store.db, wang.id, { title: '王家辣椒' }, [{ name: '半斤', stock: 5 }, { name: '1斤', stock: 6 }])
    at('2026-11-22T15:30:00Z') // Sunday 23:30 in China: last week (W47)
    await placeAndPay(t, buyer, [{ specId: wang.specIds[0], quantity: 2 }])
    at('2026-11-22T16:30:00Z') // Monday 00:30 in China: this week (W48)
    const b = await placeAndPay(t, buyer, [{ specId: wang.specIds[0], quantity: 3 }])
    at('2026-11-24T03:00:00Z')
    const c = await placeAndPay(t, buyer, [{ specId: wang.specIds[1], quantity: 1 }])
    const cancel = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.orderIds[0]}/cancel`, headers: buyer.auth, payload: {} })
    expect(cancel.json().status).toBe('refunded')
    const d = await placeAndPay(t, buyer, [{ specId: wang.specIds[0], quantity: 1 }, { specId: wang.specIds[1], quantity: 2 }])
    await ship(t, wang, [{ orderId: d.orderIds[0], carrier: 'JTSD', trackingNo: 'JT0000000000001' }])
    await placeOrder(t, buyer, [{ specId: wang.specIds[0], quantity: 9 }]) // not paid: not counted
    const detail = async (id: number) => (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${id}`, headers: buyer.auth })).json().totalFen as number
    totals = [await detail(b.orderIds[0]), await detail(d.orderIds[0])]
    at('2026-11-26T06:00:00Z')
  })

  it('shows this China week’s orders, revenue (paid − refunded), quantities by unit, orders to ship and low stock', async () => {
    const res = await get(wang, '/api/v1/farmer/home')
    expect(res.statusCode).toBe(200)
    const home = res.json()
    expect(home).toMatchObject({ week: '2026-W48', weekFirstDay: '2026-11-23', weekLastDay: '2026-11-29', ordersCount: 2, toShipCount: 2 })
    expect(home.revenueFen).toBe(totals[0] + totals[1])
    expect(home.quantities).toEqual([
      { unit: '斤', quantity: 4 },
      { unit: '箱', quantity: 2 },
    ])
    expect(home.lowStock.map((s: { title: string; specName: string; stock: number }) => [s.title, s.specName, s.stock])).toEqual([
      ['王小二的苹果', '小份', 4],
      ['王家辣椒', '半斤', 5],
    ])
  })

  it('a new week starts from zero but still counts the orders waiting to ship', async () => {
    at('2026-11-29T16:00:00Z') // Monday 00:00 in China, W49
    const home = (await get(wang, '/api/v1/farmer/home')).json()
    expect(home).toMatchObject({ week: '2026-W49', ordersCount: 0, revenueFen: 0, quantities: [], toShipCount: 2 })
    at('2026-11-26T06:00:00Z')
  })

  it('another farmer sees only their own figures', async () => {
    const other = await addSignedInFarmer(t, coopId, '孙一号')
    expect((await get(other, '/api/v1/farmer/home')).json()).toMatchObject({ ordersCount: 0, revenueFen: 0, toShipCount: 0, lowStock: [] })
  })

  it('takes no query parameters: an unknown one is a 400', async () => {
    const res = await get(wang, '/api/v1/farmer/home?week=2026-W01')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })
})
