/**
 * Demo sales for the cooperative side: a few weeks of paid orders for the demo cooperative,
 * written through their owners (orders' and payments' past-order writers), then the rollup
 * rebuilt from them so reports match the orders exactly. Older weeks' statements are confirmed
 * and paid, the last finished week is left to confirm. Orders are completed (received) or
 * refunded, so they never show up in a farmer's packing list. Safe to run twice (skips).
 * Owns no table.
 */
import { eq, sql } from 'drizzle-orm'
import type { Db, Executor } from '../db/client'
import { inTransaction } from '../db/transaction'
import { products, productSpecs, farmers, userRoles, users } from '../db/schema'
import { addWeeks, currentWeek } from '@domain/weeks'
import { upsertUsers } from '../modules/auth'
import { hasPastOrders, recordPastOrders, type PastOrder } from '../modules/orders'
import { recordPastPayments } from '../modules/payments'
import { rebuildRollup } from '../modules/sales-rollup'
import { createSettlementService } from '../modules/settlements'
import { planDemoSales, type DemoSpec, type PlannedOrder } from './demo-sales-plan'

export const DEMO_COOP_ADMIN_OPENID = 'demo-coop-openid'
const PREFIX = 'DEMO'
const BUYERS = 24

/** Seeds the demo cooperative (the one the demo manager persona runs); returns what it wrote. */
export async function seedDemoCoopSales(db: Db, now = new Date(), weeks = 6): Promise<{ orders: number; refunds: number; statements: number } | null> {
  const [admin] = await db
    .select({ userId: userRoles.userId, cooperativeId: userRoles.cooperativeId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(sql`${users.openid} = ${DEMO_COOP_ADMIN_OPENID} and ${userRoles.role} = 'coop_admin'`)
  if (!admin?.cooperativeId) return null
  return seedDemoSales(db, { userId: admin.userId, cooperativeId: admin.cooperativeId }, now, weeks)
}

/** The cooperative's approved specs of active farmers, what the plan sells from. */
async function specsOf(db: Executor, cooperativeId: number): Promise<DemoSpec[]> {
  return db
    .select({
      specId: productSpecs.id,
      productId: productSpecs.productId,
      farmerId: products.farmerId,
      title: products.title,
      name: productSpecs.name,
      unit: productSpecs.unit,
      netWeightG: productSpecs.netWeightG,
      priceFen: productSpecs.priceFen,
    })
    .from(productSpecs)
    .innerJoin(products, eq(products.id, productSpecs.productId))
    .innerJoin(farmers, eq(farmers.id, products.farmerId))
    .where(sql`${farmers.cooperativeId} = ${cooperativeId} and ${farmers.active} and ${products.reviewStatus} = 'approved'`)
    .orderBy(productSpecs.id)
}

/** One planned sale as an order with its whole timeline: paid, then shipped and received, or refunded. */
function pastOrder(p: PlannedOrder, checkoutNo: string, buyerId: number, now: Date): PastOrder {
  const refundedAt = p.refundAfterMs === null ? null : new Date(Math.min(p.paidAt.getTime() + p.refundAfterMs, now.getTime() - 120_000))
  const shippedAt = refundedAt ? null : new Date(p.paidAt.getTime() + 20 * 3600_000)
  const receivedAt = shippedAt ? new Date(shippedAt.getTime() + 3 * 86_400_000) : null
  const placed = [
    { fromStatus: null, toStatus: 'pending_payment' as const, actor: 'buyer', reason: '下单', createdAt: p.paidAt },
    { fromStatus: 'pending_payment' as const, toStatus: 'paid' as const, actor: 'wechat_pay', reason: '微信支付成功', createdAt: p.paidAt },
  ]
  const after = refundedAt
    ? [{ fromStatus: 'paid' as const, toStatus: 'refunded' as const, actor: 'buyer', reason: '买家取消，原路退款', createdAt: refundedAt }]
    : [
        { fromStatus: 'paid' as const, toStatus: 'shipped' as const, actor: 'farmer', reason: '已发货', createdAt: shippedAt! },
        { fromStatus: 'shipped' as const, toStatus: 'received' as const, actor: 'system', reason: '自动确认收货', createdAt: receivedAt! },
      ]
  return {
    checkoutNo,
    buyerId,
    farmerId: p.farmerId,
    itemsFen: p.lines.reduce((sum, l) => sum + l.spec.priceFen * l.quantity, 0),
    shippingFen: p.shippingFen,
    address: { name: '买家', phone: '13800000000', province: p.province, city: '', district: '', detail: '演示地址' },
    placedAt: p.paidAt,
    expiresAt: new Date(p.paidAt.getTime() + 1800_000),
    paidAt: p.paidAt,
    shippedAt,
    receivedAt,
    refundedAt,
    lines: p.lines.map((l) => ({ productId: l.spec.productId, specId: l.spec.specId, title: l.spec.title, specName: l.spec.name, unit: l.spec.unit, netWeightG: l.spec.netWeightG, unitPriceFen: l.spec.priceFen, quantity: l.quantity })),
    events: [...placed, ...after],
  }
}

export async function seedDemoSales(db: Db, admin: { userId: number; cooperativeId: number }, now: Date, weeks: number) {
  const prefix = `${PREFIX}${admin.cooperativeId}-`
  const written = await inTransaction(db, async (tx) => {
    if (await hasPastOrders(tx, prefix)) return null
    const specs = await specsOf(tx, admin.cooperativeId)
    const buyerOpenid = (i: number) => `demo-coop-buyer-${admin.cooperativeId}-${i}`
    const upserted = await upsertUsers(tx, Array.from({ length: BUYERS }, (_, i) => ({ openid: buyerOpenid(i), nickname: `城市买家${i + 1}` })))
    const idOf = new Map(upserted.map((u) => [u.openid, u.id]))
    const buyers = Array.from({ length: BUYERS }, (_, i) => ({ id: idOf.get(buyerOpenid(i))! }))
    const plan = planDemoSales(specs, buyers.length, weeks * 7, now, 20261128 + admin.cooperativeId)
    if (plan.length === 0) return { orders: 0, refunds: 0 }
    const past = plan.map((p, i) => pastOrder(p, `${prefix}${String(i + 1).padStart(5, '0')}`, buyers[p.buyerIndex].id, now))
    const recorded = await recordPastOrders(tx, past)
    await recordPastPayments(
      tx,
      past.map((o, i) => ({
        checkoutId: recorded[i].checkoutId,
        checkoutNo: o.checkoutNo,
        order: recorded[i],
        payerOpenid: buyerOpenid(plan[i].buyerIndex),
        expiresAt: o.expiresAt,
        paidAt: o.paidAt,
        refund: o.refundedAt ? { reason: '买家取消订单', requestedAt: o.refundedAt, succeededAt: new Date(o.refundedAt.getTime() + 60_000) } : null,
      })),
    )
    await rebuildRollup(tx, admin.cooperativeId)
    return { orders: plan.length, refunds: past.filter((o) => o.refundedAt).length }
  })
  if (!written) return null
  return { ...written, statements: await settleOlderWeeks(db, admin, now, weeks) }
}

/** Confirms and pays every statement older than last week, so the demo shows all three states. */
async function settleOlderWeeks(db: Db, admin: { userId: number; cooperativeId: number }, now: Date, weeks: number): Promise<number> {
  const service = createSettlementService({ db, clock: () => now })
  const thisWeek = currentWeek(now)
  let count = 0
  for (let back = weeks; back >= 2; back -= 1) {
    const week = addWeeks(thisWeek, -back)
    for (const s of (await service.list(admin.cooperativeId, week)).statements) {
      await service.confirm(admin, s.farmerId, week)
      if (back >= 3) await service.pay(admin, s.farmerId, week, `DEMO-${week}-${s.farmerId}`)
      count += 1
    }
  }
  return count
}
