/** SQL for weekly statements: a week's sales per farmer, the refunds that succeeded in it, late refunds, stored statements. */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { RefundBearer, RefundKind } from '@domain/payment-states'
import { splitRefund } from '@domain/settlement'
import { isoWeekOf } from '@domain/weeks'
import type { Executor } from '../../db/client'
import { settlementRefunds, settlements } from '../../db/schema'
import { chinaDaySql, chinaWeekSql } from '../../sql/china-time-sql'
import { num, rowsOf } from '../../sql/rows'
import { SALE_REFUND } from '../sales-rollup'

export type SettlementRow = typeof settlements.$inferSelect

export interface Scope {
  cooperativeId: number
  /** Only this farmer, or every farmer of the cooperative. */
  farmerId?: number
}

const farmerFilter = (s: Scope) => (s.farmerId === undefined ? sql`true` : sql`o.farmer_id = ${s.farmerId}`)

/** Orders paid in [start, end) per farmer: how many, their goods and their shipping. */
export async function salesOfWeek(db: Executor, s: Scope, start: Date, end: Date): Promise<Map<number, { orders: number; grossFen: number; shippingFen: number }>> {
  const rows = rowsOf<{ farmer_id: unknown; orders: unknown; gross: unknown; shipping: unknown }>(
    await db.execute(sql`
      select o.farmer_id, count(*) as orders, sum(o.items_fen) as gross, sum(o.shipping_fen) as shipping
        from orders o
        join farmers f on f.id = o.farmer_id
       where f.cooperative_id = ${s.cooperativeId} and ${farmerFilter(s)}
         and o.paid_at >= ${start.toISOString()}::timestamptz and o.paid_at < ${end.toISOString()}::timestamptz
       group by o.farmer_id`),
  )
  return new Map(rows.map((r) => [num(r.farmer_id), { orders: num(r.orders), grossFen: num(r.gross), shippingFen: num(r.shipping) }]))
}

/** A succeeded sale refund, split goods first after the order's earlier sale refunds (see splitRefund). */
export interface SaleRefund {
  refundId: number
  farmerId: number
  orderNo: string
  kind: RefundKind
  borneBy: RefundBearer
  amountFen: number
  goodsFen: number
  shippingFen: number
  succeededAt: Date
  /** The China day (YYYY-MM-DD) its order was paid: the sale it takes back (the registry report counts it by the household's status that day). */
  saleDay: string
  /** The China ISO week it succeeded in: the week it counts in. */
  week: string
  /** Already taken by a confirmed statement. */
  taken: boolean
}

/**
 * Succeeded sale refunds matching `where` (aliases r, o, f), each with what the same order's sale
 * refunds that succeeded before it gave back, so the goods-first split holds across an order's
 * refunds. Reads payments' refunds columns (order_id, amount_fen, status, succeeded_at, kind, borne_by).
 */
async function saleRefunds(db: Executor, where: SQL): Promise<SaleRefund[]> {
  const rows = rowsOf<{ id: unknown; farmer_id: unknown; order_no: string; kind: RefundKind; borne_by: RefundBearer; amount_fen: unknown; items_fen: unknown; succeeded_at: Date | string; sale_day: string; taken: unknown; before_fen: unknown }>(
    await db.execute(sql`
      with w as (
        select r.id, r.order_id, r.kind, r.borne_by, r.amount_fen, r.succeeded_at, o.items_fen, o.farmer_id, o.order_no,
               ${chinaDaySql('o.paid_at')}::text as sale_day
          from refunds r
          join orders o on o.id = r.order_id
          join farmers f on f.id = o.farmer_id
         where ${where} and ${SALE_REFUND} and r.succeeded_at is not null
      )
      select w.id, w.farmer_id, w.order_no, w.kind, w.borne_by, w.amount_fen, w.items_fen, w.succeeded_at, w.sale_day,
             exists (select 1 from settlement_refunds sr where sr.refund_id = w.id) as taken,
             (select coalesce(sum(r.amount_fen), 0) from refunds r join orders o on o.id = r.order_id
               where r.order_id = w.order_id and ${SALE_REFUND} and (r.succeeded_at, r.id) < (w.succeeded_at, w.id)) as before_fen
        from w
       order by w.id`),
  )
  return rows.map((r) => {
    const succeededAt = new Date(r.succeeded_at)
    return {
      refundId: num(r.id),
      farmerId: num(r.farmer_id),
      orderNo: r.order_no,
      kind: r.kind,
      borneBy: r.borne_by,
      amountFen: num(r.amount_fen),
      ...splitRefund(num(r.amount_fen), num(r.items_fen), num(r.before_fen)),
      succeededAt,
      saleDay: r.sale_day,
      week: isoWeekOf(succeededAt),
      taken: r.taken === true || r.taken === 't',
    }
  })
}

/** The cooperative's (or one farmer's) sale refunds that succeeded in [start, end), whoever bears them. */
export async function refundsSucceeded(db: Executor, s: Scope, start: Date, end: Date): Promise<SaleRefund[]> {
  return saleRefunds(
    db,
    sql`r.succeeded_at >= ${start.toISOString()}::timestamptz and r.succeeded_at < ${end.toISOString()}::timestamptz
        and f.cooperative_id = ${s.cooperativeId} and ${farmerFilter(s)}`,
  )
}

/**
 * Refunds the farmer bears that no statement took although the week they succeeded in is
 * already confirmed for that farmer (old data: counted by their sale week then). They land in
 * the farmer's first unconfirmed week after it (see landingWeek).
 */
export async function lateRefunds(db: Executor, s: Scope): Promise<SaleRefund[]> {
  return saleRefunds(
    db,
    sql`f.cooperative_id = ${s.cooperativeId} and ${farmerFilter(s)} and r.borne_by = 'farmer'
        and not exists (select 1 from settlement_refunds sr where sr.refund_id = r.id)
        and exists (select 1 from settlements s where s.farmer_id = o.farmer_id and s.week = ${chinaWeekSql('r.succeeded_at')} and s.status <> 'draft')`,
  )
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

/** The refunds each stored statement took as refunds (not the old late-refund adjustments), with their kind. */
export async function takenRefunds(db: Executor, settlementIds: readonly number[]) {
  if (settlementIds.length === 0) return []
  const rows = rowsOf<{ settlement_id: unknown; kind: RefundKind; goods_fen: unknown; shipping_fen: unknown }>(
    await db.execute(sql`
      select sr.settlement_id, r.kind, sr.goods_fen, sr.shipping_fen
        from settlement_refunds sr join refunds r on r.id = sr.refund_id
       where sr.kind = 'refund' and sr.settlement_id in (${sql.join(settlementIds.map((id) => sql`${id}`), sql`, `)})
       order by sr.refund_id`),
  )
  return rows.map((r) => ({ settlementId: num(r.settlement_id), kind: r.kind, goodsFen: num(r.goods_fen), shippingFen: num(r.shipping_fen) }))
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
