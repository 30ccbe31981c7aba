/**
 * A farmer ships paid orders: per-order results, the ship transition with its event, the jobs it
 * leaves behind, what the buyer then sees, and everything that must be refused (someone else's
 * order, an order not paid, buyers, bad input) without changing anything.
 */
import { and, eq } from 'drizzle-orm'
import { jobs, orderEvents, orders, shippingUploads } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, placeOrder, type TestBuyer } from '../support/order-builders'
import { addSignedInFarmer, buyerOrder, deactivate, placeAndPay, ship, type TestFarmer } from './fulfilment-fixtures'

const T0 = new Date('2026-11-28T02:00:00Z')
let now = T0
let t: TestApp
let zhang: TestFarmer
let li: TestFarmer
let buyer: TestBuyer

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db)
  zhang = await addSignedInFarmer(t, coop.id, '张国华')
  li = await addSignedInFarmer(t, coop.id, '李春梅')
  buyer = await addBuyer(t)
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(now.getTime() + 60_000)
})

async function orderRow(id: number) {
  const [row] = await t.store.db.select().from(orders).where(eq(orders.id, id))
  return row
}

describe('shipping paid orders', () => {
  it('ships an order: status, carrier and tracking number, a farmer event, jobs for WeChat and auto-confirm', async () => {
    const { orderIds } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 2 }])
    const res = await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'ZTO', trackingNo: '7531234567890' }])
    expect(res.statusCode).toBe(200)
    expect(res.json().results).toEqual([{ orderId: orderIds[0], ok: true, status: 'shipped', carrier: 'ZTO', trackingNo: '7531234567890', error: null }])

    const row = await orderRow(orderIds[0])
    expect(row).toMatchObject({ status: 'shipped', carrier: 'ZTO', trackingNo: '7531234567890' })
    expect(row.shippedAt?.toISOString()).toBe(now.toISOString())
    const events = await t.store.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderIds[0]), eq(orderEvents.toStatus, 'shipped')))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ fromStatus: 'paid', actor: 'farmer', actorUserId: zhang.userId })
    const kinds = (await t.store.db.select().from(jobs)).filter((j) => (j.payload as { orderId?: number }).orderId === orderIds[0]).map((j) => j.kind)
    expect(kinds.sort()).toEqual(['auto_confirm_receipt', 'send_shipped_message', 'upload_shipping_info'])
    const [upload] = await t.store.db.select().from(shippingUploads).where(eq(shippingUploads.orderId, orderIds[0]))
    expect(upload).toMatchObject({ status: 'pending', attempts: 0 })
  })

  it('the buyer then sees the order shipped, with its carrier and tracking number', async () => {
    const { orderIds } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'SF', trackingNo: 'SF1234567890123' }])
    const seen = await buyerOrder(t, buyer, orderIds[0])
    expect(seen).toMatchObject({ status: 'shipped', carrier: 'SF', trackingNo: 'SF1234567890123', shippedAt: now.toISOString() })
    expect(seen.events.at(-1)).toMatchObject({ toStatus: 'shipped', actor: 'farmer' })
  })

  it('ships several orders in one request; one bad order does not stop the others', async () => {
    const a = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    const b = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 3 }])
    const unpaid = (await placeOrder(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])).json().orders[0].id as number
    const theirs = await placeAndPay(t, buyer, [{ specId: li.specIds[0], quantity: 1 }])
    const res = await ship(t, zhang, [
      { orderId: a.orderIds[0], carrier: 'YTO', trackingNo: 'YT100000000001' },
      { orderId: unpaid, carrier: 'YTO', trackingNo: 'YT100000000002' },
      { orderId: theirs.orderIds[0], carrier: 'YTO', trackingNo: 'YT100000000003' },
      { orderId: b.orderIds[0], carrier: 'YD', trackingNo: '4312345678901' },
    ])
    expect(res.statusCode).toBe(200)
    const results = res.json().results
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false, true])
    expect(results[1]).toMatchObject({ status: 'pending_payment', error: { status: 409, code: 'ORDER_NOT_SHIPPABLE' } })
    expect(results[2]).toMatchObject({ status: null, carrier: null, error: { status: 404, code: 'NOT_FOUND' } })
    expect((await orderRow(unpaid)).status).toBe('pending_payment')
    expect(await orderRow(theirs.orderIds[0])).toMatchObject({ status: 'paid', carrier: null, trackingNo: null })
    expect((await orderRow(b.orderIds[0])).trackingNo).toBe('4312345678901')
  })

  it('the same request again (a retried tap) answers shipped and changes nothing; another number is refused', async () => {
    const { orderIds } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    const line = { orderId: orderIds[0], carrier: 'STO', trackingNo: '773000000001' }
    await ship(t, zhang, [line])
    const again = await ship(t, zhang, [line])
    expect(again.json().results[0]).toMatchObject({ ok: true, status: 'shipped', trackingNo: '773000000001' })
    const other = await ship(t, zhang, [{ ...line, trackingNo: '773000000002' }])
    expect(other.json().results[0]).toMatchObject({ ok: false, status: 'shipped', trackingNo: '773000000001', error: { status: 409, code: 'ORDER_NOT_SHIPPABLE' } })
    const events = await t.store.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderIds[0]), eq(orderEvents.toStatus, 'shipped')))
    expect(events).toHaveLength(1)
  })

  it.each(['cancelled', 'refunded'] as const)('a %s order cannot be shipped and stays as it was', async (end) => {
    const paid = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    const pending = (await placeOrder(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])).json().orders[0].id as number
    const id = end === 'refunded' ? paid.orderIds[0] : pending
    const cancel = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/cancel`, headers: buyer.auth, payload: {} })
    expect(cancel.json().status).toBe(end)
    const before = await orderRow(id)
    const res = await ship(t, zhang, [{ orderId: id, carrier: 'EMS', trackingNo: 'EA123456789CN' }])
    expect(res.json().results[0]).toMatchObject({ ok: false, status: end, error: { status: 409, code: 'ORDER_NOT_SHIPPABLE' } })
    expect(await orderRow(id)).toEqual(before)
    expect(await t.store.db.select().from(shippingUploads).where(eq(shippingUploads.orderId, id))).toEqual([])
  })
})

describe('who may ship', () => {
  it('another farmer gets 404 for the order and it stays paid', async () => {
    const { orderIds } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    const res = await ship(t, li, [{ orderId: orderIds[0], carrier: 'SF', trackingNo: 'SF0000000001' }])
    expect(res.json().results[0]).toMatchObject({ ok: false, error: { status: 404 } })
    expect((await orderRow(orderIds[0])).status).toBe('paid')
  })

  it('a buyer gets 403, no session 401, an inactive farmer 403', async () => {
    const { orderIds } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    const payload = { orders: [{ orderId: orderIds[0], carrier: 'SF', trackingNo: 'SF0000000002' }] }
    const asBuyer = await t.app.inject({ method: 'POST', url: '/api/v1/farmer/orders/ship', headers: buyer.auth, payload })
    expect(asBuyer.statusCode).toBe(403)
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/farmer/orders/ship', payload })
    expect(anonymous.statusCode).toBe(401)
    const coop = await addCooperative(t.store.db)
    const retired = await addSignedInFarmer(t, coop.id, '王退休')
    await deactivate(t, retired.id)
    const inactive = await t.app.inject({ method: 'GET', url: '/api/v1/farmer/home', headers: retired.auth })
    expect(inactive.statusCode).toBe(403)
    expect((await orderRow(orderIds[0])).status).toBe('paid')
  })
})

describe('bad input to the ship endpoint is a 4xx JSON error, never a 500', () => {
  const good = () => ({ orderId: 1, carrier: 'SF', trackingNo: 'SF12345678' })
  it.each([
    ['no body fields', {}],
    ['no orders', { orders: [] }],
    ['51 orders', { orders: Array.from({ length: 51 }, (_, i) => ({ ...good(), orderId: i + 1 })) }],
    ['an unknown carrier', { orders: [{ ...good(), carrier: 'XX' }] }],
    ['a lower-case carrier', { orders: [{ ...good(), carrier: 'sf' }] }],
    ['a short tracking number', { orders: [{ ...good(), trackingNo: '12345' }] }],
    ['a tracking number with a space', { orders: [{ ...good(), trackingNo: 'SF1234 5678' }] }],
    ['a 33-character tracking number', { orders: [{ ...good(), trackingNo: 'A'.repeat(33) }] }],
    ['a Chinese tracking number', { orders: [{ ...good(), trackingNo: '顺丰一二三四五六' }] }],
    ['a string order id', { orders: [{ ...good(), orderId: '1' }] }],
    ['order id 0', { orders: [{ ...good(), orderId: 0 }] }],
    ['an extra field', { orders: [{ ...good(), price: 1 }] }],
    ['the same order twice', { orders: [good(), good()] }],
    ['orders not an array', { orders: good() }],
  ])('%s → 400', async (_name, payload) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/farmer/orders/ship', headers: zhang.auth, payload })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toEqual(expect.any(String))
  })

  it('a body that is not JSON → 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/farmer/orders/ship',
      headers: { ...zhang.auth, 'content-type': 'application/json' },
      payload: '{"orders": [',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('INVALID_BODY')
  })
})
