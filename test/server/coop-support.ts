/**
 * Shared by the coop-* and settlement tests: a cooperative with two farmers and a manager,
 * orders paid through the real WeChat Pay sandbox flow (so the rollup hooks run), refunds
 * through cancellation, and sales written straight into the tables for bigger fixtures.
 */
import crypto from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { RefundBearer, RefundKind } from '@domain/payment-states'
import { checkouts, orderItems, orders, refunds, userRoles } from '../../server/src/db/schema'
import { requestRefund } from '../../server/src/modules/payments'
import { recordSales } from '../../server/src/modules/sales-rollup'
import type { TestApp } from '../support/app'
import { addCooperative, addFarmer, addProduct } from '../support/catalog-builders'
import { placeOrder, setShipping, type TestBuyer } from '../support/order-builders'

export type Auth = { authorization: string }

/** Signs a new user in and makes them manager of `cooperativeId`. */
export async function addManager(t: TestApp, cooperativeId: number, openid = `coop-admin-${crypto.randomUUID()}`): Promise<Auth> {
  const token = await t.login(openid)
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
  await t.store.db.insert(userRoles).values({ userId: me.json().id, role: 'coop_admin', cooperativeId })
  return { authorization: `Bearer ${token}` }
}

export async function coopFixture(t: TestApp, name = '威宁县草海高原果蔬专业合作社') {
  const coop = await addCooperative(t.store.db, { name, commissionBps: 500 })
  const zhang = await addFarmer(t.store.db, coop.id, { name: '张国华', village: '草海镇新华村' })
  const li = await addFarmer(t.store.db, coop.id, { name: '李秀英', village: '迤那镇五星村', isPoorHousehold: true })
  // 苹果 sold by the 5斤 box (2.5 kg), 洋芋 by the 斤 (0.5 kg)
  const apple = await addProduct(t.store.db, zhang.id, { title: '威宁苹果' }, [{ name: '5斤装', priceFen: 2990, unit: '箱', netWeightG: 2500, stock: 1000 }])
  const potato = await addProduct(t.store.db, li.id, { title: '威宁洋芋', categoryId: 'fruit' }, [{ name: '散装', priceFen: 350, unit: '斤', netWeightG: 500, stock: 5000 }])
  await setShipping(t, li.id, 600, 5000)
  const manager = await addManager(t, coop.id)
  return { coop, zhang, li, appleSpec: apple.specs[0].id, potatoSpec: potato.specs[0].id, manager }
}

/** Places and pays a checkout through the sandbox; the clock decides when it is paid. */
export async function buyAndPay(t: TestApp, buyer: TestBuyer, items: { specId: number; quantity: number }[]) {
  const placed = await placeOrder(t, buyer, items)
  if (placed.statusCode !== 201) throw new Error(`place: ${placed.statusCode} ${placed.body}`)
  const checkout = placed.json() as { id: number; totalFen: number; orders: { id: number; farmer: { id: number }; itemsFen: number; shippingFen: number; totalFen: number }[] }
  const paid = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/pay`, headers: buyer.auth })
  if (paid.statusCode !== 200) throw new Error(`pay: ${paid.statusCode} ${paid.body}`)
  t.app.sandbox!.pay.userPays(paid.json().requestPayment.package.replace('prepay_id=', ''))
  await t.app.sandbox!.pay.whenIdle()
  return checkout
}

/** The buyer cancels a paid order; the refund job runs and WeChat Pay confirms it. */
export async function cancelPaid(t: TestApp, buyer: TestBuyer, orderId: number, now: Date) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: buyer.auth, payload: { reason: '不想要了' } })
  if (res.statusCode !== 200) throw new Error(`cancel: ${res.statusCode} ${res.body}`)
  await t.app.jobs.runDue(now)
  await t.app.sandbox!.pay.whenIdle()
  await t.app.jobs.runDue(now)
  await t.app.sandbox!.pay.whenIdle()
}

/**
 * A sale refund of a paid order through the refund ledger (the order locked first, as the money
 * path does), sent by the refund job and settled by the sandbox at `now`; returns the refund's id.
 */
export async function refundThroughLedger(t: TestApp, orderId: number, refund: { kind: RefundKind; amountFen: number; borneBy?: RefundBearer }, now: Date): Promise<number> {
  const row = await t.store.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update')
    return requestRefund(tx, { order: { id: order.id, orderNo: order.orderNo, totalFen: order.totalFen }, reason: '售后', ...refund }, now)
  })
  await t.app.jobs.runDue(now)
  await t.app.sandbox!.pay.whenIdle()
  await t.app.jobs.runDue(now)
  await t.app.sandbox!.pay.whenIdle()
  const [settled] = await t.store.db.select({ status: refunds.status }).from(refunds).where(eq(refunds.id, row.id))
  if (settled?.status !== 'succeeded') throw new Error(`refund ${row.id} is ${settled?.status}, not succeeded`)
  return row.id
}

export interface DirectSale {
  buyerId: number
  farmerId: number
  paidAt: Date
  province?: string
  shippingFen?: number
  lines: { specId: number; productId: number; quantity: number; priceFen: number; netWeightG: number; unit?: '斤' | 'kg' | '箱' | '个' }[]
}

/** Writes a paid order straight into the tables and records it in the rollup, as the payment hook does. */
export async function insertPaidOrder(t: TestApp, sale: DirectSale): Promise<number> {
  const no = `T${crypto.randomBytes(8).toString('hex')}`
  const itemsFen = sale.lines.reduce((s, l) => s + l.priceFen * l.quantity, 0)
  const shippingFen = sale.shippingFen ?? 0
  return t.store.db.transaction(async (tx) => {
    const [c] = await tx.insert(checkouts).values({ checkoutNo: no, buyerId: sale.buyerId, idempotencyKey: no, requestHash: no, totalFen: itemsFen + shippingFen, expiresAt: sale.paidAt }).returning()
    const [o] = await tx
      .insert(orders)
      .values({
        orderNo: `${no}-1`,
        checkoutId: c.id,
        buyerId: sale.buyerId,
        farmerId: sale.farmerId,
        status: 'paid',
        itemsFen,
        shippingFen,
        totalFen: itemsFen + shippingFen,
        address: { name: '林晓', phone: '13800000000', province: sale.province ?? '贵州省', city: '贵阳市', district: '观山湖区', detail: '1 号' },
        expiresAt: sale.paidAt,
        paidAt: sale.paidAt,
      })
      .returning()
    await tx.insert(orderItems).values(
      sale.lines.map((l) => ({ orderId: o.id, productId: l.productId, specId: l.specId, title: '商品', specName: '规格', unit: l.unit ?? '箱', netWeightG: l.netWeightG, unitPriceFen: l.priceFen, quantity: l.quantity, lineTotalFen: l.priceFen * l.quantity })),
    )
    await recordSales(tx, [o], sale.paidAt)
    return o.id
  })
}

/** Rollup rows summed per key, for comparisons. */
export async function rollupSums(t: TestApp, cooperativeId: number) {
  const result = await t.store.db.execute(sql`
    select day::text as day, spec_id, buyer_province, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen
      from sales_daily where cooperative_id = ${cooperativeId}
     order by day, spec_id, buyer_province`)
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v])))
}
