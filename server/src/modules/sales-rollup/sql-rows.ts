/** The rollup rows' figures as SQL: which columns a sale or a refund adds to (rowsOf / num live in server/src/sql/rows.ts). */
import { sql, type SQL } from 'drizzle-orm'

/** The sale figures a paid order adds to a rollup row; a refund adds only the last two. */
export const SALE_COLUMNS = ['orders', 'quantity', 'weight_g', 'gross_fen', 'shipping_fen'] as const
export const REFUND_COLUMNS = ['shipping_fen', 'refunds_fen'] as const

/**
 * One lock order for the rollup, everywhere: sales_daily → sales_weekly_specs →
 * sales_weekly_provinces → weekly_buyers → weekly_buyer_counts, and inside each table rows in
 * key order. Two transactions upserting the same rows then take their locks in the same order
 * and cannot deadlock. The data-modifying CTEs of one statement run in an order PostgreSQL does
 * not promise, so each one waits for the previous one with `after(previous)` in its WHERE: an
 * uncorrelated subquery, evaluated (running the previous CTE to its end) before any row of its own.
 */
export const after = (cte: string): SQL => sql.raw(`(select count(*) from ${cte}) >= 0`)

/** `on conflict … do update set` for a rollup row: each column grows by the incoming row's value. */
export function addedUp(alias: 'd' | 'w' | 'p', columns: readonly string[]): SQL {
  return sql.raw(columns.map((c) => `${c} = ${alias}.${c} + excluded.${c}`).join(', '))
}
