import { sql, type SQL } from 'drizzle-orm'

/** Rows of a raw `db.execute(sql…)`, the same shape from node-postgres and PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

/** A count or sum from raw SQL (bigint and numeric arrive as text from node-postgres). */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0
  const n = Number(value)
  if (!Number.isFinite(n)) throw new TypeError(`not a number from SQL: ${String(value)}`)
  return n
}

/** The sale figures a paid order adds to a rollup row; a refund adds only the last two. */
export const SALE_COLUMNS = ['orders', 'quantity', 'weight_g', 'gross_fen', 'shipping_fen'] as const
export const REFUND_COLUMNS = ['shipping_fen', 'refunds_fen'] as const

/** `on conflict … do update set` for a rollup row: each column grows by the incoming row's value. */
export function addedUp(alias: 'd' | 'w' | 'p', columns: readonly string[]): SQL {
  return sql.raw(columns.map((c) => `${c} = ${alias}.${c} + excluded.${c}`).join(', '))
}
