/**
 * SQL for the cooperative's reports. Reads only the rollups (the weekly ones kept beside
 * sales_daily: a few hundred rows a week) and the names of farmers, products and specs —
 * never order lines.
 */
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import type { Unit } from '@domain/units'
import { num, rowsOf } from '../../sql/rows'
import { inWeeks, SUMS, sumsOf as sums, type RawSums, type Sums } from '../sales-rollup'

const ROW = sql.raw('w.orders, w.quantity, w.weight_g, w.gross_fen, w.shipping_fen, w.refunds_fen')


export interface SpecWeek extends Sums {
  week: string
  specId: number
  name: string
  unit: Unit
  productId: number
  title: string
  farmerId: number
  farmerName: string
}

/** Sums per spec for these weeks, with the spec's, product's and farmer's names. */
export async function specWeeks(db: Executor, cooperativeId: number, weeks: readonly string[]): Promise<SpecWeek[]> {
  const rows = rowsOf<RawSums & { week: string; spec_id: unknown; name: string; unit: Unit; product_id: unknown; title: string; farmer_id: unknown; farmer_name: string }>(
    await db.execute(sql`
      select w.week, w.spec_id, s.name, s.unit, w.product_id, p.title, w.farmer_id, f.name as farmer_name, ${ROW}
        from sales_weekly_specs w
        join product_specs s on s.id = w.spec_id
        join products p on p.id = w.product_id
        join farmers f on f.id = w.farmer_id
       where w.cooperative_id = ${cooperativeId} and w.week in ${inWeeks(weeks)}`),
  )
  return rows.map((r) => ({
    week: r.week,
    specId: num(r.spec_id),
    name: r.name,
    unit: r.unit,
    productId: num(r.product_id),
    title: r.title,
    farmerId: num(r.farmer_id),
    farmerName: r.farmer_name,
    ...sums(r),
  }))
}

/** Quantities sold per selling unit (斤, 箱 …) in a week. */
export async function unitsOfWeek(db: Executor, cooperativeId: number, week: string): Promise<{ unit: Unit; quantity: number }[]> {
  const rows = rowsOf<{ unit: Unit; quantity: unknown }>(
    await db.execute(sql`
      select s.unit, sum(w.quantity) as quantity from sales_weekly_specs w join product_specs s on s.id = w.spec_id
       where w.cooperative_id = ${cooperativeId} and w.week = ${week}
       group by s.unit order by s.unit`),
  )
  return rows.map((r) => ({ unit: r.unit, quantity: num(r.quantity) }))
}

/** Sums per week. */
export async function weekTotals(db: Executor, cooperativeId: number, weeks: readonly string[]): Promise<Map<string, Sums>> {
  const rows = rowsOf<RawSums & { week: string }>(
    await db.execute(sql`select week, ${SUMS} from sales_weekly_specs where cooperative_id = ${cooperativeId} and week in ${inWeeks(weeks)} group by week`),
  )
  return new Map(rows.map((r) => [r.week, sums(r)]))
}

/** Sums per buyer province for a week. */
export async function provinceWeek(db: Executor, cooperativeId: number, week: string): Promise<(Sums & { province: string })[]> {
  const rows = rowsOf<RawSums & { buyer_province: string }>(
    await db.execute(sql`
      select w.buyer_province, ${ROW} from sales_weekly_provinces w
       where w.cooperative_id = ${cooperativeId} and w.week = ${week}`),
  )
  return rows.map((r) => ({ province: r.buyer_province, ...sums(r) }))
}

/** Distinct buyers per week. */
export async function buyersPerWeek(db: Executor, cooperativeId: number, weeks: readonly string[]): Promise<Map<string, number>> {
  const rows = rowsOf<{ week: string; n: unknown }>(
    await db.execute(sql`
      select week, sum(buyers) as n from weekly_buyer_counts
       where cooperative_id = ${cooperativeId} and week in ${inWeeks(weeks)}
       group by week`),
  )
  return new Map(rows.map((r) => [r.week, num(r.n)]))
}
