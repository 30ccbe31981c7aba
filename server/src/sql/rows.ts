/** Reading raw `db.execute(sql…)` results, the same way from node-postgres and PGlite. */

/** Rows of a raw `db.execute(sql…)`. */
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
