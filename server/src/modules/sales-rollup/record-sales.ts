/**
 * Keeps the daily sales rollup current when orders become paid, inside the payment's own
 * transaction (order-lifecycle `settlePayment`). One statement per paying instant: every line
 * of the orders goes into its (cooperative, China day, spec, buyer province) row; the order
 * itself (orders + 1, its shipping fee) is counted on the row of its first line, so summing
 * `orders` over any set of rows holding whole orders (a day, a farmer, a province, the week)
 * counts each order once. Per spec, `orders` only counts orders whose first line it is: the
 * reports show quantities, weight and money by spec, not orders. The same statement keeps the
 * weekly rollups (per spec, per buyer province) and puts the buyer into `weekly_buyers` for the
 * ISO week, counting each new buyer in `weekly_buyer_counts`.
 *
 * Rows are written in the rollup's one lock order (see `after` in sql-rows.ts): table by table,
 * each in key order, paying instants oldest first — so two payments (or a payment and a refund)
 * touching the same rows lock them in the same order and cannot deadlock each other.
 */
import { sql } from 'drizzle-orm'
import { chinaDate } from '@domain/china-time'
import { isoWeekOf } from '@domain/weeks'
import type { Executor } from '../../db/client'
import { BUYER_SHARDS, PROVINCE } from './sale-refunds'
import { addedUp, after, SALE_COLUMNS } from './sql-rows'

export interface PaidOrder {
  id: number
  paidAt: Date | null
}

export async function recordSales(db: Executor, paid: readonly PaidOrder[], at: Date): Promise<void> {
  const byInstant = new Map<number, number[]>()
  for (const order of paid) {
    const when = (order.paidAt ?? at).getTime()
    byInstant.set(when, [...(byInstant.get(when) ?? []), order.id])
  }
  const instants = [...byInstant.entries()].sort(([a], [b]) => a - b)
  for (const [when, orderIds] of instants) await recordPaidAt(db, orderIds.sort((a, b) => a - b), new Date(when))
}

const SHARDS = sql.raw(String(BUYER_SHARDS))

async function recordPaidAt(db: Executor, orderIds: number[], paidAt: Date): Promise<void> {
  const day = chinaDate(paidAt)
  const week = isoWeekOf(paidAt)
  const ids = sql.raw(`array[${orderIds.map((id) => Number(id)).filter(Number.isSafeInteger).join(',')}]::bigint[]`)
  await db.execute(sql`
    with lines as (
      select f.cooperative_id, o.farmer_id, o.buyer_id, i.product_id, i.spec_id, ${PROVINCE} as province,
             i.quantity, i.quantity::bigint * i.net_weight_g as weight_g, i.line_total_fen,
             case when row_number() over (partition by o.id order by i.id) = 1 then 1 else 0 end as first_line,
             o.shipping_fen
        from orders o
        join farmers f on f.id = o.farmer_id
        join order_items i on i.order_id = o.id
       where o.id = any(${ids})
    ), rolled as (
      insert into sales_daily as d (day, cooperative_id, farmer_id, product_id, spec_id, buyer_province, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
      select ${day}::date, cooperative_id, min(farmer_id), min(product_id), spec_id, province,
             sum(first_line), sum(quantity), sum(weight_g), sum(line_total_fen), sum(first_line * shipping_fen), 0
        from lines
       group by cooperative_id, spec_id, province
       order by cooperative_id, spec_id, province
      on conflict (cooperative_id, day, spec_id, buyer_province) do update set ${addedUp('d', SALE_COLUMNS)}
      returning 1
    ), weekly as (
      insert into sales_weekly_specs as w (cooperative_id, week, spec_id, product_id, farmer_id, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
      select cooperative_id, ${week}, spec_id, min(product_id), min(farmer_id),
             sum(first_line), sum(quantity), sum(weight_g), sum(line_total_fen), sum(first_line * shipping_fen), 0
        from lines
       where ${after('rolled')}
       group by cooperative_id, spec_id
       order by cooperative_id, spec_id
      on conflict (cooperative_id, week, spec_id) do update set ${addedUp('w', SALE_COLUMNS)}
      returning 1
    ), provinces as (
      insert into sales_weekly_provinces as p (cooperative_id, week, buyer_province, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
      select cooperative_id, ${week}, province, sum(first_line), sum(quantity), sum(weight_g), sum(line_total_fen), sum(first_line * shipping_fen), 0
        from lines
       where ${after('weekly')}
       group by cooperative_id, province
       order by cooperative_id, province
      on conflict (cooperative_id, week, buyer_province) do update set ${addedUp('p', SALE_COLUMNS)}
      returning 1
    ), new_buyers as (
      insert into weekly_buyers (cooperative_id, week, buyer_id)
      select distinct cooperative_id, ${week}, buyer_id from lines
       where ${after('provinces')}
       order by cooperative_id, buyer_id
      on conflict do nothing
      returning cooperative_id, buyer_id
    )
    insert into weekly_buyer_counts as c (cooperative_id, week, shard, buyers)
    select cooperative_id, ${week}, (buyer_id % ${SHARDS})::int, count(*) from new_buyers
     group by 1, 3
     order by 1, 3
    on conflict (cooperative_id, week, shard) do update set buyers = c.buyers + excluded.buyers`)
}
