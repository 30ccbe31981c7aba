/**
 * Demo sales for the cooperative side: a few weeks of paid orders for the demo cooperative,
 * written straight into the tables (checkouts, payments, orders, items, events, refunds), then
 * the rollup rebuilt from them so reports match the orders exactly. Older weeks' statements are
 * confirmed and paid, the last finished week is left to confirm. Orders are completed (received)
 * or refunded, so they never show up in a farmer's packing list. Safe to run twice (skips).
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { checkouts, orderEvents, orderItems, orders, payments, refunds, userRoles, users } from '../../db/schema'
import { addWeeks, currentWeek } from '../../../../src/domain/weeks'
import { createSettlementService } from '../settlements/settlement-service'
import { planDemoSales, type DemoSpec } from './demo-sales-plan'
import { rebuildRollup } from './rebuild-rollup'
import { num, rowsOf } from './sql-rows'

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

export async function seedDemoSales(db: Db, admin: { userId: number; cooperativeId: number }, now: Date, weeks: number) {
  const written = await db.transaction(async (tx) => {
    const [done] = rowsOf(await tx.execute(sql`select 1 from checkouts where checkout_no like ${`${PREFIX}${admin.cooperativeId}-%`} limit 1`))
    if (done) return null
    const specs = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`
        select s.id, s.product_id, p.farmer_id, p.title, s.name, s.unit, s.net_weight_g, s.price_fen
          from product_specs s join products p on p.id = s.product_id join farmers f on f.id = p.farmer_id
         where f.cooperative_id = ${admin.cooperativeId} and f.active and p.review_status = 'approved'
         order by s.id`),
    ).map((r): DemoSpec => ({ specId: num(r.id), productId: num(r.product_id), farmerId: num(r.farmer_id), title: String(r.title), name: String(r.name), unit: r.unit as DemoSpec['unit'], netWeightG: num(r.net_weight_g), priceFen: num(r.price_fen) }))
    const buyerRows = await tx
      .insert(users)
      .values(Array.from({ length: BUYERS }, (_, i) => ({ openid: `demo-coop-buyer-${admin.cooperativeId}-${i}`, nickname: `城市买家${i + 1}` })))
      .onConflictDoUpdate({ target: users.openid, set: { nickname: sql`excluded.nickname` } })
      .returning({ id: users.id })
    const plan = planDemoSales(specs, buyerRows.length, weeks * 7, now, 20261128 + admin.cooperativeId)
    if (plan.length === 0) return { orders: 0, refunds: 0 }
    const rows = plan.map((p, i) => {
      const no = `${PREFIX}${admin.cooperativeId}-${String(i + 1).padStart(5, '0')}`
      const itemsFen = p.lines.reduce((sum, l) => sum + l.spec.priceFen * l.quantity, 0)
      const refundedAt = p.refundAfterMs === null ? null : new Date(Math.min(p.paidAt.getTime() + p.refundAfterMs, now.getTime() - 120_000))
      const shippedAt = refundedAt ? null : new Date(p.paidAt.getTime() + 20 * 3600_000)
      const receivedAt = shippedAt ? new Date(shippedAt.getTime() + 3 * 86_400_000) : null
      return { p, no, itemsFen, totalFen: itemsFen + p.shippingFen, buyerId: buyerRows[p.buyerIndex].id, refundedAt, shippedAt, receivedAt, expiresAt: new Date(p.paidAt.getTime() + 1800_000) }
    })
    const checkoutIds = await tx
      .insert(checkouts)
      .values(rows.map((r) => ({ checkoutNo: r.no, buyerId: r.buyerId, idempotencyKey: r.no, requestHash: r.no, totalFen: r.totalFen, expiresAt: r.expiresAt, createdAt: r.p.paidAt })))
      .returning({ id: checkouts.id })
    const orderIds = await tx
      .insert(orders)
      .values(
        rows.map((r, i) => ({
          orderNo: `${r.no}-1`,
          checkoutId: checkoutIds[i].id,
          buyerId: r.buyerId,
          farmerId: r.p.farmerId,
          status: r.refundedAt ? ('refunded' as const) : ('received' as const),
          itemsFen: r.itemsFen,
          shippingFen: r.p.shippingFen,
          totalFen: r.totalFen,
          address: { name: '买家', phone: '13800000000', province: r.p.province, city: '', district: '', detail: '演示地址' },
          expiresAt: r.expiresAt,
          paidAt: r.p.paidAt,
          shippedAt: r.shippedAt,
          receivedAt: r.receivedAt,
          refundedAt: r.refundedAt,
          createdAt: r.p.paidAt,
          updatedAt: r.refundedAt ?? r.receivedAt ?? r.p.paidAt,
        })),
      )
      .returning({ id: orders.id })
    await tx.insert(orderItems).values(
      rows.flatMap((r, i) =>
        r.p.lines.map((l) => ({ orderId: orderIds[i].id, productId: l.spec.productId, specId: l.spec.specId, title: l.spec.title, specName: l.spec.name, unit: l.spec.unit, netWeightG: l.spec.netWeightG, unitPriceFen: l.spec.priceFen, quantity: l.quantity, lineTotalFen: l.spec.priceFen * l.quantity })),
      ),
    )
    const paymentIds = await tx
      .insert(payments)
      .values(rows.map((r, i) => ({ outTradeNo: `${r.no}P1`, checkoutId: checkoutIds[i].id, orderIds: [orderIds[i].id], amountFen: r.totalFen, payerOpenid: `demo-coop-buyer-${r.p.buyerIndex}`, status: 'paid' as const, expiresAt: r.expiresAt, paidAt: r.p.paidAt, createdAt: r.p.paidAt })))
      .returning({ id: payments.id })
    const refunded = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.refundedAt)
    if (refunded.length > 0) {
      await tx.insert(refunds).values(
        refunded.map(({ r, i }) => ({ outRefundNo: `R${r.no}-1-${paymentIds[i].id}`, paymentId: paymentIds[i].id, orderId: orderIds[i].id, amountFen: r.totalFen, reason: '买家取消订单', status: 'succeeded' as const, refundId: `demo-${r.no}`, succeededAt: new Date(r.refundedAt!.getTime() + 60_000), createdAt: r.refundedAt! })),
      )
    }
    const events: (typeof orderEvents.$inferInsert)[] = rows.flatMap((r, i) => {
      const orderId = orderIds[i].id
      const base: (typeof orderEvents.$inferInsert)[] = [
        { orderId, fromStatus: null, toStatus: 'pending_payment', actor: 'buyer', reason: '下单', createdAt: r.p.paidAt },
        { orderId, fromStatus: 'pending_payment', toStatus: 'paid', actor: 'wechat_pay', reason: '微信支付成功', createdAt: r.p.paidAt },
      ]
      if (r.refundedAt) return [...base, { orderId, fromStatus: 'paid', toStatus: 'refunded', actor: 'buyer', reason: '买家取消，原路退款', createdAt: r.refundedAt }]
      return [
        ...base,
        { orderId, fromStatus: 'paid', toStatus: 'shipped', actor: 'farmer', reason: '已发货', createdAt: r.shippedAt! },
        { orderId, fromStatus: 'shipped', toStatus: 'received', actor: 'system', reason: '自动确认收货', createdAt: r.receivedAt! },
      ]
    })
    await tx.insert(orderEvents).values(events)
    const refundCount = refunded.length
    await rebuildRollup(tx, admin.cooperativeId)
    return { orders: plan.length, refunds: refundCount }
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
