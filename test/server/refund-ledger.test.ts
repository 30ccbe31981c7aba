/**
 * The refund ledger: many refunds per order, each with its own stable out_refund_no, never more
 * than was paid (also when two race), WeChat Pay's rules per payment (50 refunds, a minute
 * apart, one year), and the buyer's order detail listing every refund.
 */
import { eq } from 'drizzle-orm'
import { REFUND_RULES } from '@domain/payment-states'
import { jobs, refunds } from '../../server/src/db/schema'
import { AppError } from '../../server/src/http/errors'
import { refundableFen, refundsOfOrders } from '../../server/src/modules/payments'
import { placeOrder } from '../support/order-builders'
import { drain, later, newFarmerSpec, paidOrder, refund, refundRow, startBench, type Bench } from './refund-support'

const T0 = new Date('2026-11-28T02:00:00Z')
let b: Bench
let networkDown = false
/** The network between WeChat Pay's notices and us, switched off to hold a notice up. */
const flakyFetch: typeof fetch = (input, init) => (networkDown ? Promise.reject(new Error('network down')) : fetch(input, init))

beforeAll(async () => {
  b = await startBench(T0, { paySandbox: { fetchImpl: flakyFetch } })
})
afterAll(() => b.t.close())
beforeEach(() => b.setNow(T0))

const codeOf = (err: unknown) => (err instanceof AppError ? err.code : String(err))

async function submitJobOf(refundId: number) {
  const [job] = await b.t.store.db.select().from(jobs).where(eq(jobs.dedupeKey, `refund:${refundId}`))
  return job
}

describe('the refund ledger', () => {
  it('when two partial refunds race on one order, what was paid is never exceeded', async () => {
    const order = await paidOrder(b, 1000, 3) // 3000 fen
    const [first, second] = await Promise.allSettled([refund(b, order, 2000), refund(b, order, 1500)])
    const outcomes = [first, second].map((o) => (o.status === 'fulfilled' ? 'ok' : codeOf(o.reason)))
    expect(outcomes.sort()).toEqual(['REFUND_EXCEEDS_PAID', 'ok'])
    const held = (await refundsOfOrders(b.t.store.db, [order.id])).reduce((sum, r) => sum + r.amountFen, 0)
    expect(held).toBeLessThanOrEqual(order.totalFen)
    expect(await refundableFen(b.t.store.db, order.id)).toBe(order.totalFen - held)

    // N small ones that fit, all at once: every one is recorded, each with its own out_refund_no
    const other = await paidOrder(b, 1000, 3)
    const small = await Promise.all(Array.from({ length: 6 }, () => refund(b, other, 500)))
    expect(new Set(small.map((r) => r.outRefundNo)).size).toBe(6)
    expect(small.every((r) => r.outRefundNo.startsWith(`${other.orderNo}R`) && /^[0-9A-Za-z_\-|*@]{1,64}$/.test(r.outRefundNo))).toBe(true)
    expect(await refundableFen(b.t.store.db, other.id)).toBe(0)
    await expect(refund(b, other, 1)).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' })
  })

  it('sends the refunds of one payment a minute apart, each under its own number, all of them in the end', async () => {
    const order = await paidOrder(b, 1000, 2)
    const one = await refund(b, order, 300, { reason: '坏果 2 个' })
    const two = await refund(b, order, 200, { kind: 'weight_adjustment', reason: '少 0.5 斤' })
    expect([one.outRefundNo, two.outRefundNo]).toEqual([`${order.orderNo}R1`, `${order.orderNo}R2`])
    expect((await submitJobOf(two.id)).runAt.getTime() - (await submitJobOf(one.id)).runAt.getTime()).toBeGreaterThanOrEqual(REFUND_RULES.spacingMs)

    await drain(b)
    expect((await refundRow(b.t.store.db, one.id)).status).toBe('succeeded')
    expect((await refundRow(b.t.store.db, two.id)).status).toBe('processing')
    expect((await refundRow(b.t.store.db, two.id)).submittedAt).toBeNull()
    await drain(b, later(T0, REFUND_RULES.spacingMs))
    expect(await refundRow(b.t.store.db, two.id)).toMatchObject({ status: 'succeeded', outRefundNo: `${order.orderNo}R2` })
    expect(await refundableFen(b.t.store.db, order.id)).toBe(order.totalFen - 500)
  })

  it('a weight adjustment is one per order: asking again returns the first', async () => {
    const order = await paidOrder(b, 1000, 2)
    const weight = await refund(b, order, 300, { kind: 'weight_adjustment', reason: '少斤' })
    expect((await refund(b, order, 300, { kind: 'weight_adjustment', reason: '少斤' })).id).toBe(weight.id)
    const rows = await b.t.store.db.select().from(refunds).where(eq(refunds.orderId, order.id))
    expect(rows).toHaveLength(1)
    expect(await refundableFen(b.t.store.db, order.id)).toBe(order.totalFen - 300)
  })

  it('a buyer who cancels a paid order gets a buyer_cancel refund of the whole order, decided by them', async () => {
    const order = await paidOrder(b, 1290, 2)
    const res = await b.t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/cancel`, headers: b.buyer.auth, payload: { reason: '不想要了' } })
    expect(res.statusCode).toBe(200)
    const [row] = await refundsOfOrders(b.t.store.db, [order.id])
    expect(row).toMatchObject({ kind: 'buyer_cancel', amountFen: order.totalFen, reason: '不想要了', borneBy: 'farmer', outRefundNo: `${order.orderNo}R1` })
    expect(row.decidedBy).not.toBeNull()
    expect(await refundableFen(b.t.store.db, order.id)).toBe(0)
    // the cancel's refund is one per order: a second request gives the same row back
    expect((await refund(b, order, order.totalFen, { kind: 'buyer_cancel' })).id).toBe(row.id)
  })

  it('the buyer’s order detail lists every refund, and the latest as `refund`', async () => {
    const order = await paidOrder(b, 1000, 2)
    await refund(b, order, 300, { reason: '坏果 2 个' })
    await refund(b, order, 200, { kind: 'weight_adjustment', reason: '少 0.5 斤' })
    await drain(b)
    const res = await b.t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}`, headers: b.buyer.auth })
    expect(res.statusCode).toBe(200)
    const detail = res.json()
    expect(detail.refunds).toEqual([
      { kind: 'after_sale', status: 'succeeded', amountFen: 300, reason: '坏果 2 个', createdAt: T0.toISOString(), succeededAt: T0.toISOString() },
      { kind: 'weight_adjustment', status: 'processing', amountFen: 200, reason: '少 0.5 斤', createdAt: T0.toISOString(), succeededAt: null },
    ])
    expect(detail.refund).toEqual({ status: 'processing', amountFen: 200 })
    expect(detail.events.every((e: { event: unknown }) => e.event === null || typeof e.event === 'string')).toBe(true)
  })

  it('refuses the 51st refund of a payment', async () => {
    const order = await paidOrder(b, 1000, 1)
    for (let i = 0; i < REFUND_RULES.maxPerPayment; i++) await refund(b, order, 1)
    await expect(refund(b, order, 1)).rejects.toMatchObject({ code: 'REFUND_LIMIT_REACHED' })
    expect(await refundsOfOrders(b.t.store.db, [order.id])).toHaveLength(50)
  })

  it('refuses a refund more than a year after the payment', async () => {
    const order = await paidOrder(b, 1000, 1)
    const aYearOn = later(T0, REFUND_RULES.windowMs + 60_000)
    b.setNow(aYearOn)
    await expect(refund(b, order, 100, {}, aYearOn)).rejects.toMatchObject({ code: 'REFUND_WINDOW_CLOSED' })
    // a day before the year is up it is still taken
    const justInTime = later(T0, REFUND_RULES.windowMs - 24 * 3600_000)
    expect((await refund(b, order, 100, {}, justInTime)).status).toBe('processing')
  })

  it('a second payment of a paid order goes back as a duplicate_payment, which leaves what the order can refund alone', async () => {
    const apple = await newFarmerSpec(b, 1000)
    const kiwi = await newFarmerSpec(b, 2000, b.coopId, '李春梅')
    const placed = await placeOrder(b.t, b.buyer, [{ specId: apple.spec, quantity: 1 }, { specId: kiwi.spec, quantity: 1 }])
    const checkout = placed.json() as { id: number; orders: { id: number; totalFen: number }[] }
    const [appleOrder, kiwiOrder] = checkout.orders
    const pay = async () => (await b.t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/pay`, headers: b.buyer.auth })).json()
    // the first WeChat Pay order is paid but its notice held up; the kiwi is cancelled; the apple alone is paid again
    const first = await pay()
    networkDown = true
    b.t.app.sandbox!.pay.userPays(first.requestPayment.package.replace('prepay_id=', ''))
    expect((await b.t.app.inject({ method: 'POST', url: `/api/v1/orders/${kiwiOrder.id}/cancel`, headers: b.buyer.auth, payload: {} })).statusCode).toBe(200)
    networkDown = false
    const second = await pay()
    b.t.app.sandbox!.pay.userPays(second.requestPayment.package.replace('prepay_id=', ''))
    await drain(b)
    await drain(b, later(T0, REFUND_RULES.spacingMs))

    const returned = await refundsOfOrders(b.t.store.db, [appleOrder.id, kiwiOrder.id])
    expect(returned.map((r) => [r.orderId, r.kind]).sort()).toEqual(
      [
        [appleOrder.id, 'duplicate_payment'],
        [kiwiOrder.id, 'late_payment'],
      ].sort(),
    )
    expect(returned.every((r) => r.status === 'succeeded')).toBe(true)
    // the apple is still paid in full by the other payment: all of it can still be refunded
    expect(await refundableFen(b.t.store.db, appleOrder.id)).toBe(appleOrder.totalFen)
    const sale = await refund(b, { id: appleOrder.id, orderNo: '', totalFen: appleOrder.totalFen, farmerId: apple.farmerId, checkoutId: checkout.id, outTradeNo: '' }, appleOrder.totalFen)
    expect(sale.paymentId).not.toBe(returned.find((r) => r.orderId === appleOrder.id)!.paymentId)
    // a cancelled order was never paid: nothing to refund
    expect(await refundableFen(b.t.store.db, kiwiOrder.id)).toBe(0)
  })
})
