/**
 * The refund ledger's test bench: an app on an injected clock, one cooperative with a farmer per
 * test, orders paid through the sandbox cashier, refunds requested the way a real caller does
 * (in a transaction holding the order's row lock), and the jobs run to the end.
 */
import { eq } from 'drizzle-orm'
import type { Executor } from '../../server/src/db/client'
import { inTransaction } from '../../server/src/db/transaction'
import { refunds } from '../../server/src/db/schema'
import { ordersByIds } from '../../server/src/modules/orders'
import { requestRefund, type RefundRequest, type RefundRow } from '../../server/src/modules/payments'
import { startTestApp, type TestApp, type TestAppOptions } from '../support/app'
import { addCooperative, addFarmer, addProduct } from '../support/catalog-builders'
import { addBuyer, placeOrder, setShipping, type TestBuyer } from '../support/order-builders'

export interface Bench {
  t: TestApp
  coopId: number
  buyer: TestBuyer
  now: () => Date
  setNow(at: Date): void
}

export async function startBench(T0: Date, options: Omit<TestAppOptions, 'clock'> = {}): Promise<Bench> {
  let now = T0
  const t = await startTestApp({}, { ...options, clock: () => now })
  const coop = await addCooperative(t.store.db)
  const buyer = await addBuyer(t)
  return { t, coopId: coop.id, buyer, now: () => now, setNow: (at) => (now = at) }
}

export interface PaidOrder {
  id: number
  orderNo: string
  totalFen: number
  farmerId: number
  checkoutId: number
  outTradeNo: string
}

/** A new farmer of the bench's cooperative (or of `coopId`) with one spec, free shipping. */
export async function newFarmerSpec(b: Bench, priceFen: number, coopId = b.coopId, name = '张国华') {
  const farmer = await addFarmer(b.t.store.db, coopId, { name })
  await setShipping(b.t, farmer.id, 0, null)
  const spec = (await addProduct(b.t.store.db, farmer.id, { title: '威宁苹果' }, [{ priceFen, stock: 1000 }])).specs[0].id
  return { farmerId: farmer.id, spec }
}

/** One order of `quantity` × a spec priced `priceFen`, paid through the sandbox cashier. */
export async function paidOrder(b: Bench, priceFen = 1000, quantity = 1, coopId = b.coopId): Promise<PaidOrder> {
  const { farmerId, spec } = await newFarmerSpec(b, priceFen, coopId)
  const placed = await placeOrder(b.t, b.buyer, [{ specId: spec, quantity }])
  if (placed.statusCode !== 201) throw new Error(`place: ${placed.statusCode} ${placed.body}`)
  const checkout = placed.json() as { id: number; orders: { id: number; orderNo: string; totalFen: number }[] }
  const pay = await b.t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/pay`, headers: b.buyer.auth })
  if (pay.statusCode !== 200) throw new Error(`pay: ${pay.statusCode} ${pay.body}`)
  b.t.app.sandbox!.pay.userPays((pay.json().requestPayment.package as string).replace('prepay_id=', ''))
  await b.t.app.sandbox!.pay.whenIdle()
  const [order] = checkout.orders
  return { id: order.id, orderNo: order.orderNo, totalFen: order.totalFen, farmerId, checkoutId: checkout.id, outTradeNo: pay.json().outTradeNo }
}

/** Requests a refund as a real caller does: in its own transaction, holding the order's row lock. */
export function refund(b: Bench, order: PaidOrder, amountFen: number, extra: Partial<Omit<RefundRequest, 'order' | 'amountFen'>> = {}, at = b.now()): Promise<RefundRow> {
  return inTransaction(b.t.store.db, async (tx) => {
    const [locked] = await ordersByIds(tx, [order.id], true)
    return requestRefund(tx, { order: { id: locked.id, orderNo: locked.orderNo, totalFen: locked.totalFen }, kind: 'after_sale', reason: '坏果退款', amountFen, ...extra }, at)
  })
}

/** Runs due jobs at `at` and lets the sandbox's notices land, until nothing more happens. */
export async function drain(b: Bench, at = b.now()): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await b.t.app.sandbox!.pay.whenIdle()
    const ran = await b.t.app.jobs.runDue(at)
    await b.t.app.sandbox!.pay.whenIdle()
    if (ran === 0) return
  }
}

export async function refundRow(db: Executor, id: number): Promise<RefundRow> {
  const [row] = await db.select().from(refunds).where(eq(refunds.id, id))
  return row
}

export const later = (at: Date, ms: number) => new Date(at.getTime() + ms)
