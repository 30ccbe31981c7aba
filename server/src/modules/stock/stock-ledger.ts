/**
 * The only writer of `product_specs.stock`: what is left to sell of each spec. Orders reserve
 * and release it, farmers adjust and set it; every change is one conditional statement, so
 * stock never goes below zero and two buyers cannot both take the last box.
 * Lock order (see order-payments/lock-order.ts): specs are always locked last, in id order.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { productSpecs } from '../../db/schema'
import { num, rowsOf } from '../../sql/rows'

export interface StockLine {
  specId: number
  quantity: number
}

/** The lines as a relation `v(id, q)`, from two array parameters (one statement text whatever the cart's size). */
function linesOf(lines: readonly StockLine[]): SQL {
  const specIds = `{${lines.map((l) => l.specId).join(',')}}`
  const quantities = `{${lines.map((l) => l.quantity).join(',')}}`
  return sql`unnest(${specIds}::bigint[], ${quantities}::int[]) as v(id, q)`
}

/**
 * Takes `quantity` from every line's spec in one statement, only where enough is left; returns
 * the spec ids that had enough. A caller that gets fewer ids than lines rolls back.
 * Placement has already locked these specs in id order (reading their prices).
 */
export async function reserveStock(db: Executor, lines: StockLine[]): Promise<Set<number>> {
  if (lines.length === 0) return new Set()
  const result = await db.execute(sql`
    update ${productSpecs} s set stock = s.stock - v.q
      from ${linesOf(lines)}
     where s.id = v.id and s.stock >= v.q
    returning s.id`)
  return new Set(rowsOf<{ id: unknown }>(result).map((r) => num(r.id)))
}

/** Gives stock back (an order cancelled, expired or refunded before shipping); locks the specs in id order first. */
export async function releaseStock(db: Executor, lines: StockLine[]): Promise<void> {
  const held = lines.filter((l) => l.quantity > 0)
  if (held.length === 0) return
  await db.execute(sql`
    with v as (select * from ${linesOf(held)}),
      locked as (select s.id from ${productSpecs} s where s.id in (select id from v) order by s.id for update)
    update ${productSpecs} s set stock = s.stock + t.q
      from (select id, sum(q)::int as q from v group by id) t
     where s.id = t.id and s.id in (select id from locked)`)
}

/** Adds `delta` (may be negative) unless the result would be below zero; the new stock, or null when it would. */
export async function adjustStock(db: Executor, specId: number, delta: number): Promise<number | null> {
  const [row] = await db
    .update(productSpecs)
    .set({ stock: sql`${productSpecs.stock} + ${delta}` })
    .where(and(eq(productSpecs.id, specId), sql`${productSpecs.stock} + ${delta} >= 0`))
    .returning({ stock: productSpecs.stock })
  return row?.stock ?? null
}

/** Moves the stock by `delta`, stopping at 0: what buyers took meanwhile cannot be unsold. */
export async function moveStock(db: Executor, specId: number, delta: number): Promise<void> {
  await db
    .update(productSpecs)
    .set({ stock: sql`greatest(0, ${productSpecs.stock} + ${delta})` })
    .where(eq(productSpecs.id, specId))
}

/** Sets one spec's stock outright (a farmer's form saved without the stock it loaded). */
export async function setStock(db: Executor, specId: number, stock: number): Promise<void> {
  await db.update(productSpecs).set({ stock }).where(eq(productSpecs.id, specId))
}

/** Nothing left of any spec of this product (the farmer marked it sold out). */
export async function zeroStockOfProduct(db: Executor, productId: number): Promise<void> {
  await db.update(productSpecs).set({ stock: 0 }).where(eq(productSpecs.productId, productId))
}
