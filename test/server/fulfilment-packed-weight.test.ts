/**
 * Catch-weight: a farmer ships lines sold by weight with what was actually packed. A shortfall
 * beyond the tolerance becomes one weight-adjustment refund of the order at the line's unit price
 * (settled in the sandbox, shown to the buyer); more than ordered is never charged; a retried
 * request refunds once; a packed weight on a 箱 line or on a line of another order ships nothing.
 */
import { eq } from 'drizzle-orm'
import { orderItems, orders, payments, refunds } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addSignedInFarmer, placeAndPay, type TestFarmer } from './fulfilment-fixtures'

const T0 = new Date('2026-11-28T02:00:00Z')
let now = T0
let t: TestApp
let farmer: TestFarmer
let buyer: TestBuyer
/** 1 斤 of potatoes at ¥10.00, 1 kg of rice at ¥8.00, a 箱 of apples at ¥59.90. */
let jinSpec: number
let kgSpec: number
let boxSpec: number

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db)
  farmer = await addSignedInFarmer(t, coop.id, '王秀英', [
    { name: '散装 1斤', unit: '斤', netWeightG: 500, priceFen: 1000, stock: 500 },
    { name: '散装 1kg', unit: 'kg', netWeightG: 1000, priceFen: 800, stock: 500 },
    { name: '整箱', unit: '箱', netWeightG: 5000, priceFen: 5990, stock: 50 },
  ])
  ;[jinSpec, kgSpec, boxSpec] = farmer.specIds
  buyer = await addBuyer(t)
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(now.getTime() + 60_000)
})

interface Packed {
  orderItemId: number
  packedWeightG: number
}

function ship(orderId: number, packed?: Packed[], trackingNo = `ZT${orderId}00000000`) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/farmer/orders/ship',
    headers: farmer.auth,
    payload: { orders: [{ orderId, carrier: 'ZTO', trackingNo, ...(packed ? { packed } : {}) }] },
  })
}

/** A paid order of this buyer with these lines; returns its id and its line ids by spec, as the farmer's API shows them. */
async function paidOrder(lines: { specId: number; quantity: number }[]) {
  const { orderIds } = await placeAndPay(t, buyer, lines)
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/farmer/orders?ids=${orderIds[0]}`, headers: farmer.auth })
  expect(res.statusCode).toBe(200)
  const items = res.json().items[0].items as { id: number; specId: number; packedWeightG: number | null }[]
  expect(items.every((i) => i.packedWeightG === null)).toBe(true)
  return { orderId: orderIds[0], itemOf: (specId: number) => items.find((i) => i.specId === specId)!.id }
}

const refundsOf = (orderId: number) => t.store.db.select().from(refunds).where(eq(refunds.orderId, orderId))
const orderRow = async (orderId: number) => (await t.store.db.select().from(orders).where(eq(orders.id, orderId)))[0]
const packedOf = async (orderId: number) =>
  (await t.store.db.select().from(orderItems).where(eq(orderItems.orderId, orderId))).map((i) => ({ specId: i.specId, packedWeightG: i.packedWeightG }))
    .sort((a, b) => a.specId - b.specId)

/** The refund job sends it, the sandbox settles it and notifies us (as the other refund tests wait). */
async function settleRefunds() {
  for (let i = 0; i < 2; i++) {
    await t.app.jobs.runDue(now)
    await t.app.sandbox!.pay.whenIdle()
  }
}

async function buyerDetail(orderId: number) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: buyer.auth })
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('shipping lines sold by weight with their packed weight', () => {
  it('a 10 斤 line packed at 9.5 斤 refunds exactly half a 斤 at its unit price', async () => {
    const { orderId, itemOf } = await paidOrder([{ specId: jinSpec, quantity: 10 }])
    const res = await ship(orderId, [{ orderItemId: itemOf(jinSpec), packedWeightG: 4750 }])
    expect(res.statusCode).toBe(200)
    expect(res.json().results[0]).toMatchObject({ orderId, ok: true, status: 'shipped', error: null })

    const rows = await refundsOf(orderId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'weight_adjustment', amountFen: 500, borneBy: 'farmer', decidedBy: null, claimId: null, reason: '实发重量不足，退差价', status: 'processing' })
    expect(await packedOf(orderId)).toEqual([{ specId: jinSpec, packedWeightG: 4750 }])
    expect((await orderRow(orderId)).status).toBe('shipped')

    await settleRefunds()
    const [settled] = await refundsOf(orderId)
    expect(settled).toMatchObject({ status: 'succeeded', amountFen: 500 })
    const detail = await buyerDetail(orderId)
    expect(detail.status).toBe('shipped')
    expect(detail.items[0]).toMatchObject({ specId: jinSpec, quantity: 10, netWeightG: 500, unitPriceFen: 1000, lineTotalFen: 10000, packedWeightG: 4750 })
    expect(detail.refunds).toEqual([expect.objectContaining({ kind: 'weight_adjustment', status: 'succeeded', amountFen: 500 })])
  })

  it('packed at 10.3 斤 charges nothing and refunds nothing', async () => {
    const { orderId, itemOf } = await paidOrder([{ specId: jinSpec, quantity: 10 }])
    const before = await orderRow(orderId)
    const res = await ship(orderId, [{ orderItemId: itemOf(jinSpec), packedWeightG: 5150 }])
    expect(res.json().results[0]).toMatchObject({ ok: true, status: 'shipped' })
    expect(await packedOf(orderId)).toEqual([{ specId: jinSpec, packedWeightG: 5150 }])
    expect(await refundsOf(orderId)).toEqual([])
    const after = await orderRow(orderId)
    expect({ itemsFen: after.itemsFen, totalFen: after.totalFen }).toEqual({ itemsFen: before.itemsFen, totalFen: before.totalFen })
    // no second payment is asked of the buyer
    const paid = (await t.store.db.select().from(payments)).filter((p) => p.orderIds.includes(orderId))
    expect(paid).toHaveLength(1)
    await settleRefunds()
    expect((await buyerDetail(orderId)).items[0]).toMatchObject({ packedWeightG: 5150, lineTotalFen: 10000 })
  })

  it('a shortfall within the tolerance (2 %: 100 g of 10 斤) refunds nothing, one gram beyond it does', async () => {
    const within = await paidOrder([{ specId: jinSpec, quantity: 10 }])
    await ship(within.orderId, [{ orderItemId: within.itemOf(jinSpec), packedWeightG: 4900 }])
    expect(await refundsOf(within.orderId)).toEqual([])
    expect(await packedOf(within.orderId)).toEqual([{ specId: jinSpec, packedWeightG: 4900 }])

    const beyond = await paidOrder([{ specId: jinSpec, quantity: 10 }])
    await ship(beyond.orderId, [{ orderItemId: beyond.itemOf(jinSpec), packedWeightG: 4899 }])
    // 101 g of 5000 g at ¥100.00 = ¥2.02
    expect((await refundsOf(beyond.orderId)).map((r) => r.amountFen)).toEqual([202])
  })

  it('a retried ship with the same weights makes one refund; other weights afterwards are refused', async () => {
    const { orderId, itemOf } = await paidOrder([{ specId: jinSpec, quantity: 10 }])
    const packed = [{ orderItemId: itemOf(jinSpec), packedWeightG: 4500 }]
    const first = await ship(orderId, packed)
    const again = await ship(orderId, packed)
    expect(first.json().results[0]).toMatchObject({ ok: true, status: 'shipped' })
    expect(again.json().results).toEqual(first.json().results)
    expect((await refundsOf(orderId)).map((r) => ({ kind: r.kind, amountFen: r.amountFen }))).toEqual([{ kind: 'weight_adjustment', amountFen: 1000 }])

    const changed = await ship(orderId, [{ orderItemId: itemOf(jinSpec), packedWeightG: 4000 }])
    expect(changed.json().results[0]).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_SHIPPABLE' } })
    expect(await refundsOf(orderId)).toHaveLength(1)
    expect(await packedOf(orderId)).toEqual([{ specId: jinSpec, packedWeightG: 4500 }])
  })

  it('several short lines of one order make one refund of their sum; a line left out ships as ordered', async () => {
    const { orderId, itemOf } = await paidOrder([
      { specId: jinSpec, quantity: 10 },
      { specId: kgSpec, quantity: 5 },
      { specId: boxSpec, quantity: 1 },
    ])
    await ship(orderId, [
      { orderItemId: itemOf(jinSpec), packedWeightG: 4750 },
      { orderItemId: itemOf(kgSpec), packedWeightG: 4500 },
    ])
    // 斤: 250 g of 5000 g at ¥100.00 = ¥5.00; kg: 500 g of 5000 g at ¥40.00 = ¥4.00
    expect((await refundsOf(orderId)).map((r) => ({ kind: r.kind, amountFen: r.amountFen }))).toEqual([{ kind: 'weight_adjustment', amountFen: 900 }])
    const packed = await packedOf(orderId)
    expect(packed).toEqual(
      expect.arrayContaining([
        { specId: jinSpec, packedWeightG: 4750 },
        { specId: kgSpec, packedWeightG: 4500 },
        { specId: boxSpec, packedWeightG: null },
      ]),
    )
  })

  it('a packed weight on a 箱 line is refused and nothing of that order ships', async () => {
    const { orderId, itemOf } = await paidOrder([
      { specId: jinSpec, quantity: 10 },
      { specId: boxSpec, quantity: 2 },
    ])
    const res = await ship(orderId, [
      { orderItemId: itemOf(jinSpec), packedWeightG: 4000 },
      { orderItemId: itemOf(boxSpec), packedWeightG: 9000 },
    ])
    expect(res.statusCode).toBe(200)
    expect(res.json().results[0]).toMatchObject({ orderId, ok: false, status: 'paid', error: { status: 400, code: 'INVALID_PACKED_WEIGHT' } })
    expect((await orderRow(orderId)).status).toBe('paid')
    expect(await refundsOf(orderId)).toEqual([])
    expect((await packedOf(orderId)).map((p) => p.packedWeightG)).toEqual([null, null])
  })

  it('a line of another order, an unknown line or the same line twice is refused and nothing ships', async () => {
    const mine = await paidOrder([{ specId: jinSpec, quantity: 10 }])
    const other = await paidOrder([{ specId: jinSpec, quantity: 4 }])
    const line = mine.itemOf(jinSpec)
    for (const packed of [
      [{ orderItemId: other.itemOf(jinSpec), packedWeightG: 1000 }],
      [{ orderItemId: 987654321, packedWeightG: 1000 }],
      [
        { orderItemId: line, packedWeightG: 4000 },
        { orderItemId: line, packedWeightG: 4500 },
      ],
    ]) {
      const res = await ship(mine.orderId, packed)
      expect(res.json().results[0]).toMatchObject({ ok: false, error: { code: 'INVALID_PACKED_WEIGHT' } })
    }
    expect((await orderRow(mine.orderId)).status).toBe('paid')
    expect((await orderRow(other.orderId)).status).toBe('paid')
    expect(await packedOf(other.orderId)).toEqual([{ specId: jinSpec, packedWeightG: null }])
    expect([...(await refundsOf(mine.orderId)), ...(await refundsOf(other.orderId))]).toEqual([])
  })

  it('a packed weight that is not whole grams from 1 g to 10 t is a bad request', async () => {
    const { orderId, itemOf } = await paidOrder([{ specId: jinSpec, quantity: 1 }])
    for (const packedWeightG of [0, -5, 10.5, 10_000_001]) {
      const res = await ship(orderId, [{ orderItemId: itemOf(jinSpec), packedWeightG }])
      expect(res.statusCode).toBe(400)
    }
    expect((await orderRow(orderId)).status).toBe('paid')
  })
})
