/**
 * Recomputes the rollups (sales_daily, then the weekly ones from it, weekly_buyers and their
 * counts) from the orders and refunds themselves,
 * set-based, for one cooperative or all. Used by the demo seed and the benchmark after they
 * write orders straight into the tables, and by a test proving that the rollup kept by the
 * payment and refund hooks equals this recomputation. Same rules as record-sales.ts and
 * record-refund.ts / refund-allocation.ts. Tables are written in the rollup's one lock order
 * (see `after` in sql-rows.ts) and rows in key order, so a week's rows sit together on disk as
 * they do when the hooks write them day by day.
 */
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { chinaDaySql, chinaWeekSql, weekOfDaySql } from '../../sql/china-time-sql'
import { BUYER_SHARDS, PROVINCE, SALE_REFUND } from './sale-refunds'
import { addedUp, REFUND_COLUMNS } from './sql-rows'

export async function rebuildRollup(db: Executor, cooperativeId?: number): Promise<void> {
  const coop = cooperativeId === undefined ? sql`true` : sql`f.cooperative_id = ${cooperativeId}`
  const onlyCoop = cooperativeId === undefined ? sql`true` : sql`cooperative_id = ${cooperativeId}`
  for (const table of ['sales_daily', 'sales_weekly_specs', 'sales_weekly_provinces', 'weekly_buyers', 'weekly_buyer_counts']) {
    await db.execute(sql`delete from ${sql.raw(table)} where ${onlyCoop}`)
  }
  await db.execute(sql`
    insert into sales_daily (day, cooperative_id, farmer_id, product_id, spec_id, buyer_province, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
    select day, cooperative_id, min(farmer_id), min(product_id), spec_id, province,
           sum(first_line), sum(quantity), sum(weight_g), sum(line_total_fen), sum(first_line * shipping_fen), 0
      from (
        select ${chinaDaySql('o.paid_at')} as day, f.cooperative_id, o.farmer_id, i.product_id, i.spec_id, ${PROVINCE} as province,
               i.quantity, i.quantity::bigint * i.net_weight_g as weight_g, i.line_total_fen, o.shipping_fen,
               case when row_number() over (partition by o.id order by i.id) = 1 then 1 else 0 end as first_line
          from orders o
          join farmers f on f.id = o.farmer_id
          join order_items i on i.order_id = o.id
         where o.paid_at is not null and ${coop}
      ) lines
     group by day, cooperative_id, spec_id, province
     order by cooperative_id, day, spec_id, province`)
  await db.execute(sql`
    insert into sales_daily as d (day, cooperative_id, farmer_id, product_id, spec_id, buyer_province, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
    select day, cooperative_id, min(farmer_id), min(product_id), spec_id, province, 0, 0, 0, 0,
           sum(case when first_line then -(amount_fen - goods) else 0 end),
           sum(case when first_line then goods - (share_sum - share) else share end)
      from (
        select day, cooperative_id, farmer_id, product_id, spec_id, province, amount_fen, goods, first_line, share,
               sum(share) over (partition by refund_id) as share_sum
          from (
            select r.id as refund_id, ${chinaDaySql('r.succeeded_at')} as day, f.cooperative_id, o.farmer_id, i.product_id, i.spec_id,
                   ${PROVINCE} as province, r.amount_fen,
                   least(r.before_fen + r.amount_fen, o.items_fen) - least(r.before_fen, o.items_fen) as goods,
                   row_number() over (partition by r.id order by i.id) = 1 as first_line,
                   floor((least(r.before_fen + r.amount_fen, o.items_fen) - least(r.before_fen, o.items_fen))::numeric * i.line_total_fen / nullif(o.items_fen, 0))::bigint as share
              from (
                -- each sale refund with what the order's earlier sale refunds gave back (goods first across them)
                select r.*, coalesce(sum(r.amount_fen) over (partition by r.order_id order by r.succeeded_at, r.id rows between unbounded preceding and 1 preceding), 0) as before_fen
                  from refunds r join orders o on o.id = r.order_id
                 where ${SALE_REFUND}
              ) r
              join orders o on o.id = r.order_id
              join farmers f on f.id = o.farmer_id
              join order_items i on i.order_id = o.id
             where ${SALE_REFUND} and ${coop}
          ) shares
      ) lines
     group by day, cooperative_id, spec_id, province
     order by cooperative_id, day, spec_id, province
    on conflict (cooperative_id, day, spec_id, buyer_province) do update set ${addedUp('d', REFUND_COLUMNS)}`)
  // The weekly rollups are the daily one summed per ISO week of its China day.
  const week = weekOfDaySql('day')
  await db.execute(sql`
    insert into sales_weekly_specs (cooperative_id, week, spec_id, product_id, farmer_id, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
    select cooperative_id, ${week}, spec_id, min(product_id), min(farmer_id), sum(orders), sum(quantity), sum(weight_g), sum(gross_fen), sum(shipping_fen), sum(refunds_fen)
      from sales_daily where ${onlyCoop}
     group by cooperative_id, 2, spec_id
     order by cooperative_id, 2, spec_id`)
  await db.execute(sql`
    insert into sales_weekly_provinces (cooperative_id, week, buyer_province, orders, quantity, weight_g, gross_fen, shipping_fen, refunds_fen)
    select cooperative_id, ${week}, buyer_province, sum(orders), sum(quantity), sum(weight_g), sum(gross_fen), sum(shipping_fen), sum(refunds_fen)
      from sales_daily where ${onlyCoop}
     group by cooperative_id, 2, buyer_province
     order by cooperative_id, 2, buyer_province`)
  await db.execute(sql`
    insert into weekly_buyers (cooperative_id, week, buyer_id)
    select distinct f.cooperative_id, ${chinaWeekSql('o.paid_at')}, o.buyer_id
      from orders o join farmers f on f.id = o.farmer_id
     where o.paid_at is not null and ${coop}
     order by 1, 2, 3
    on conflict do nothing`)
  await db.execute(sql`
    insert into weekly_buyer_counts (cooperative_id, week, shard, buyers)
    select cooperative_id, week, (buyer_id % ${sql.raw(String(BUYER_SHARDS))})::int, count(*)
      from weekly_buyers where ${onlyCoop}
     group by 1, 2, 3
     order by 1, 2, 3`)
}
