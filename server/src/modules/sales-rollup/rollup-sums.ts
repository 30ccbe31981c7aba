/**
 * Reading the weekly rollup (sales_weekly_specs): the figures every weekly row carries, summed.
 * For the reports and the members list, which read the rollup and never order lines.
 */
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { num, rowsOf } from '../../sql/rows'

export interface Sums {
  orders: number
  quantity: number
  weightG: number
  grossFen: number
  shippingFen: number
  refundsFen: number
}

/** The figure columns as raw SQL returns them. */
export type RawSums = Record<'orders' | 'quantity' | 'weight_g' | 'gross_fen' | 'shipping_fen' | 'refunds_fen', unknown>

/** The figure columns summed, as a select list (`… as orders, … as refunds_fen`). */
export const SUMS = sql.raw(`sum(orders) as orders, sum(quantity) as quantity, sum(weight_g) as weight_g,
  sum(gross_fen) as gross_fen, sum(shipping_fen) as shipping_fen, sum(refunds_fen) as refunds_fen`)

export function sumsOf(r: RawSums): Sums {
  return { orders: num(r.orders), quantity: num(r.quantity), weightG: num(r.weight_g), grossFen: num(r.gross_fen), shippingFen: num(r.shipping_fen), refundsFen: num(r.refunds_fen) }
}

/** `(…)` of weeks, for `week in …`. */
export const inWeeks = (weeks: readonly string[]) => sql`(${sql.join(weeks.map((w) => sql`${w}`), sql`, `)})`

/** Sums per farmer and week. */
export async function farmerWeeks(db: Executor, cooperativeId: number, weeks: readonly string[]): Promise<(Sums & { week: string; farmerId: number })[]> {
  const rows = rowsOf<RawSums & { week: string; farmer_id: unknown }>(
    await db.execute(sql`
      select week, farmer_id, ${SUMS} from sales_weekly_specs
       where cooperative_id = ${cooperativeId} and week in ${inWeeks(weeks)}
       group by week, farmer_id`),
  )
  return rows.map((r) => ({ week: r.week, farmerId: num(r.farmer_id), ...sumsOf(r) }))
}
