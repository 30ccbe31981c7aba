/**
 * Keeps the daily sales rollup current when a refund succeeds, inside the refund's own
 * transaction (refund-service `settle`). A refund counts on the China day it succeeded (so in
 * the week it was refunded), in the rows of the refunded order's specs and buyer province:
 * `refunds_fen` takes the goods part, `shipping_fen` gives back the shipping part (goods first
 * across all of the order's sale refunds, in the order they succeeded — the statements' rule,
 * splitRefund in src/domain/settlement.ts) — in the daily
 * rows and in the weekly ones of the week it was refunded. Quantities stay as sold. Refunds that are not sale refunds (see sale-refunds.ts) change nothing.
 */
import { sql } from 'drizzle-orm'
import { chinaDate } from '@domain/china-time'
import { isoWeekOf } from '@domain/weeks'
import type { Executor } from '../../db/client'
import { allocateRefund } from './refund-allocation'
import { PROVINCE, SALE_REFUND } from './sale-refunds'
import { num, rowsOf } from '../../sql/rows'
import { addedUp, after, REFUND_COLUMNS } from './sql-rows'

interface RefundLineRow {
  amount_fen: unknown
  succeeded_at: Date | string | null
  items_fen: unknown
  cooperative_id: unknown
  farmer_id: unknown
  product_id: unknown
  spec_id: unknown
  line_total_fen: unknown
  province: string
  before_fen: unknown
}

/** Any fixed number: the advisory-lock class under which one order's refund successes queue. */
const ORDER_REFUNDS_LOCK = 7301

/**
 * Makes the successes of one order's refunds happen one after another (a transaction-scoped
 * advisory lock on the order): taken before a refund is stamped succeeded, so when it is
 * recorded every refund of the order that succeeded before it has committed, and the split
 * below (goods first across the order's refunds) is the one the statements compute.
 */
export async function serialiseOrderRefunds(db: Executor, orderId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ORDER_REFUNDS_LOCK}, (${orderId}::bigint % 2147483647)::int)`)
}

export async function recordRefund(db: Executor, refund: { id: number }, at: Date): Promise<void> {
  const lines = rowsOf<RefundLineRow>(
    await db.execute(sql`
      select r.amount_fen, r.succeeded_at, o.items_fen, f.cooperative_id, o.farmer_id, i.product_id, i.spec_id, i.line_total_fen, ${PROVINCE} as province,
             (select coalesce(sum(r.amount_fen), 0) from refunds r join orders o on o.id = r.order_id
               where r.order_id = mine.order_id and ${SALE_REFUND} and (r.succeeded_at, r.id) < (mine.succeeded_at, mine.id)) as before_fen
        from refunds mine
        join refunds r on r.id = mine.id
        join orders o on o.id = r.order_id
        join farmers f on f.id = o.farmer_id
        join order_items i on i.order_id = o.id
       where r.id = ${refund.id} and ${SALE_REFUND}
       order by i.id`),
  )
  if (lines.length === 0) return
  const first = lines[0]
  const refundedAt = first.succeeded_at ? new Date(first.succeeded_at) : at
  const day = chinaDate(refundedAt)
  const shares = allocateRefund(
    num(first.amount_fen),
    num(first.items_fen),
    lines.map((l) => ({ specId: num(l.spec_id), lineTotalFen: num(l.line_total_fen) })),
    num(first.before_fen),
  )
  const bySpec = new Map<number, { productId: number; refundsFen: number; shippingFen: number }>()
  shares.forEach((share, i) => {
    const row = bySpec.get(share.specId) ?? { productId: num(lines[i].product_id), refundsFen: 0, shippingFen: 0 }
    row.refundsFen += share.refundsFen
    row.shippingFen += share.shippingFen
    bySpec.set(share.specId, row)
  })
  const week = isoWeekOf(refundedAt)
  const coop = num(first.cooperative_id)
  const farmer = num(first.farmer_id)
  // One row per spec, in spec order; written in the rollup's one lock order (see `after` in sql-rows.ts).
  const specs = [...bySpec.entries()].sort(([a], [b]) => a - b)
  const rows = specs.map(([specId, r]) => sql`(${specId}::bigint, ${r.productId}::bigint, ${r.shippingFen}::bigint, ${r.refundsFen}::bigint)`)
  await db.execute(sql`
    with shares (spec_id, product_id, shipping_fen, refunds_fen) as (
      values ${sql.join(rows, sql`, `)}
    ), daily as (
      insert into sales_daily as d (day, cooperative_id, farmer_id, product_id, spec_id, buyer_province, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
      select ${day}::date, ${coop}::bigint, ${farmer}::bigint, product_id, spec_id, ${first.province}::text, 0, 0, 0, 0, shipping_fen, refunds_fen
        from shares
       order by spec_id
      on conflict (cooperative_id, day, spec_id, buyer_province) do update set ${addedUp('d', REFUND_COLUMNS)}
      returning 1
    ), weekly as (
      insert into sales_weekly_specs as w (cooperative_id, week, spec_id, product_id, farmer_id, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
      select ${coop}::bigint, ${week}::text, spec_id, product_id, ${farmer}::bigint, 0, 0, 0, 0, shipping_fen, refunds_fen
        from shares
       where ${after('daily')}
       order by spec_id
      on conflict (cooperative_id, week, spec_id) do update set ${addedUp('w', REFUND_COLUMNS)}
      returning 1
    )
    insert into sales_weekly_provinces as p (cooperative_id, week, buyer_province, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
    select ${coop}::bigint, ${week}::text, ${first.province}::text, 0, 0, 0, 0, sum(shipping_fen), sum(refunds_fen)
      from shares
     where ${after('weekly')}
    on conflict (cooperative_id, week, buyer_province) do update set ${addedUp('p', REFUND_COLUMNS)}`)
}
