/** SQL for weekly statements: a week's sales and refunds per farmer, late refunds, stored statements. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { settlementRefunds, settlements } from '../../db/schema'
import { chinaWeekSql } from '../../sql/china-time-sql'
import { num, rowsOf } from '../../sql/rows'
import { SALE_REFUND } from '../sales-rollup'

export type SettlementRow = typeof settlements.$inferSelect

export interface Scope {
  cooperativeId: number
  /** Only this farmer, or every farmer of the cooperative. */
  farmerId?: number
}

const farmerFilter = (s: Scope) => (s.farmerId === undefined ? sql`true` : sql`o.farmer_id = ${s.farmerId}`)

/**
 * Orders paid in [start, end) per farmer: how many, their goods and their shipping, and what
 * their succeeded sale refunds not yet taken by a statement gave back (goods first, then shipping).
 */
export async function salesOfWeek(db: Executor, s: Scope, start: Date, end: Date) {
  const rows = rowsOf<{ farmer_id: unknown; orders: unknown; gross: unknown; shipping: unknown; refund_goods: unknown; refund_shipping: unknown }>(
    await db.execute(sql`
      select o.farmer_id, count(*) as orders, sum(o.items_fen) as gross, sum(o.shipping_fen) as shipping,
             coalesce(sum(least(r.amount_fen, o.items_fen)) filter (where r.id is not null), 0) as refund_goods,
             coalesce(sum(r.amount_fen - least(r.amount_fen, o.items_fen)) filter (where r.id is not null), 0) as refund_shipping
        from orders o
        join farmers f on f.id = o.farmer_id
        left join refunds r on r.order_id = o.id and ${SALE_REFUND}
             and not exists (select 1 from settlement_refunds sr where sr.refund_id = r.id)
       where f.cooperative_id = ${s.cooperativeId} and ${farmerFilter(s)}
         and o.paid_at >= ${start.toISOString()}::timestamptz and o.paid_at < ${end.toISOString()}::timestamptz
       group by o.farmer_id`),
  )
  return new Map(
    rows.map((r) => [
      num(r.farmer_id),
      { orders: num(r.orders), grossFen: num(r.gross), shippingFen: num(r.shipping), refundGoodsFen: num(r.refund_goods), refundShippingFen: num(r.refund_shipping) },
    ]),
  )
}

export interface RefundRow {
  refundId: number
  farmerId: number
  amountFen: number
  itemsFen: number
  orderNo: string
  succeededAt: Date | null
}

/** Succeeded sale refunds of the orders paid in [start, end) that no statement has taken yet. */
export async function openRefundsOfWeek(db: Executor, s: Scope, start: Date, end: Date): Promise<RefundRow[]> {
  const rows = rowsOf<{ id: unknown; farmer_id: unknown; amount_fen: unknown; items_fen: unknown; order_no: string; succeeded_at: Date | string | null }>(
    await db.execute(sql`
      select r.id, o.farmer_id, r.amount_fen, o.items_fen, o.order_no, r.succeeded_at
        from orders o
        join farmers f on f.id = o.farmer_id
        join refunds r on r.order_id = o.id
       where f.cooperative_id = ${s.cooperativeId} and ${farmerFilter(s)}
         and o.paid_at >= ${start.toISOString()}::timestamptz and o.paid_at < ${end.toISOString()}::timestamptz
         and ${SALE_REFUND}
         and not exists (select 1 from settlement_refunds sr where sr.refund_id = r.id)
       order by r.id`),
  )
  return rows.map(refundRow)
}

export interface LateRefundRow extends RefundRow {
  saleWeek: string
  commissionBps: number
}

/** Succeeded sale refunds whose own week was already confirmed when they arrived, not yet carried anywhere. */
export async function lateRefunds(db: Executor, s: Scope): Promise<LateRefundRow[]> {
  const rows = rowsOf<{ id: unknown; farmer_id: unknown; amount_fen: unknown; items_fen: unknown; order_no: string; succeeded_at: Date | string | null; sale_week: string; commission_bps: unknown }>(
    await db.execute(sql`
      select r.id, o.farmer_id, r.amount_fen, o.items_fen, o.order_no, r.succeeded_at, s.week as sale_week, s.commission_bps
        from refunds r
        join orders o on o.id = r.order_id
        join settlements s on s.farmer_id = o.farmer_id and s.week = ${chinaWeekSql('o.paid_at')} and s.status <> 'draft'
       where s.cooperative_id = ${s.cooperativeId} and ${farmerFilter(s)} and ${SALE_REFUND}
         and not exists (select 1 from settlement_refunds sr where sr.refund_id = r.id)
       order by r.id`),
  )
  return rows.map((r) => ({ ...refundRow(r), saleWeek: r.sale_week, commissionBps: num(r.commission_bps) }))
}

function refundRow(r: { id: unknown; farmer_id: unknown; amount_fen: unknown; items_fen: unknown; order_no: string; succeeded_at: Date | string | null }): RefundRow {
  return {
    refundId: num(r.id),
    farmerId: num(r.farmer_id),
    amountFen: num(r.amount_fen),
    itemsFen: num(r.items_fen),
    orderNo: r.order_no,
    succeededAt: r.succeeded_at === null ? null : new Date(r.succeeded_at),
  }
}

/** "farmerId:week" of every confirmed (or paid) statement of these farmers from `fromWeek` on. */
export async function confirmedWeeks(db: Executor, farmerIds: readonly number[], fromWeek: string): Promise<Set<string>> {
  if (farmerIds.length === 0) return new Set()
  const rows = await db
    .select({ farmerId: settlements.farmerId, week: settlements.week })
    .from(settlements)
    .where(and(inArray(settlements.farmerId, [...farmerIds]), sql`${settlements.week} >= ${fromWeek}`, sql`${settlements.status} <> 'draft'`))
  return new Set(rows.map((r) => `${r.farmerId}:${r.week}`))
}

export async function storedOfWeek(db: Executor, s: Scope, week: string): Promise<SettlementRow[]> {
  return db
    .select()
    .from(settlements)
    .where(and(eq(settlements.cooperativeId, s.cooperativeId), eq(settlements.week, week), s.farmerId === undefined ? undefined : eq(settlements.farmerId, s.farmerId), sql`${settlements.status} <> 'draft'`))
}

export async function storedOfFarmer(db: Executor, farmerId: number, limit: number): Promise<SettlementRow[]> {
  return db
    .select()
    .from(settlements)
    .where(and(eq(settlements.farmerId, farmerId), sql`${settlements.status} <> 'draft'`))
    .orderBy(desc(settlements.week))
    .limit(limit)
}

/** The late refunds each stored statement carried, with the week of the sale they refunded. */
export async function carriedAdjustments(db: Executor, settlementIds: readonly number[]) {
  if (settlementIds.length === 0) return []
  const rows = rowsOf<{ settlement_id: unknown; order_no: string; sale_week: string; succeeded_at: Date | string | null; adjustment_fen: unknown }>(
    await db.execute(sql`
      select sr.settlement_id, o.order_no, ${chinaWeekSql('o.paid_at')} as sale_week, r.succeeded_at, sr.adjustment_fen
        from settlement_refunds sr join refunds r on r.id = sr.refund_id join orders o on o.id = r.order_id
       where sr.kind = 'adjustment' and sr.settlement_id in (${sql.join(settlementIds.map((id) => sql`${id}`), sql`, `)})
       order by sr.refund_id`),
  )
  return rows.map((r) => ({
    settlementId: num(r.settlement_id),
    orderNo: r.order_no,
    saleWeek: r.sale_week,
    succeededAt: r.succeeded_at === null ? null : new Date(r.succeeded_at),
    adjustmentFen: num(r.adjustment_fen),
  }))
}

export async function insertConfirmed(db: Executor, values: typeof settlements.$inferInsert): Promise<SettlementRow | null> {
  const [row] = await db
    .insert(settlements)
    .values(values)
    .onConflictDoUpdate({ target: [settlements.farmerId, settlements.week], set: { ...values, createdAt: undefined }, setWhere: sql`${settlements.status} = 'draft'` })
    .returning()
  return row ?? null
}

export async function insertTaken(db: Executor, rows: (typeof settlementRefunds.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(settlementRefunds).values(rows)
}

export async function markPaid(db: Executor, id: number, paymentRef: string, paidAt: Date): Promise<SettlementRow | null> {
  const [row] = await db
    .update(settlements)
    .set({ status: 'paid', paymentRef, paidAt })
    .where(and(eq(settlements.id, id), eq(settlements.status, 'confirmed')))
    .returning()
  return row ?? null
}

/** Orders paid per ISO week (China) by one farmer since `from`. */
export async function ordersPerWeek(db: Executor, farmerId: number, from: Date): Promise<Map<string, number>> {
  const rows = rowsOf<{ week: string; n: unknown }>(
    await db.execute(sql`
      select ${chinaWeekSql('o.paid_at')} as week, count(*) as n from orders o
       where o.farmer_id = ${farmerId} and o.paid_at >= ${from.toISOString()}::timestamptz
       group by 1`),
  )
  return new Map(rows.map((r) => [r.week, num(r.n)]))
}
