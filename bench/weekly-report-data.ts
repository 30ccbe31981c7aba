/**
 * Bench data for the weekly report (budget P6): one cooperative, 200 farmers, 400 products,
 * 800 specs, 50,000 buyers and N orders (1–2 lines each) paid over the two years before `now`,
 * ~3 % refunded — written set-based (generate_series) straight into the tables, not through the
 * API; then the rollup is rebuilt from them with the same SQL the app uses.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../server/src/db/client'
import { rebuildRollup } from '../server/src/modules/sales-rollup'

export const FARMERS = 200
export const BUYERS = 50_000
const PROVINCES = ['贵州省', '广东省', '上海市', '北京市', '浙江省', '四川省', '江苏省', '重庆市', '湖南省', '云南省', '湖北省', '福建省', '山东省', '河南省', '广西壮族自治区', '天津市', '陕西省', '安徽省', '江西省', '辽宁省', '河北省', '山西省', '吉林省', '黑龙江省', '海南省', '甘肃省', '内蒙古自治区', '宁夏回族自治区', '青海省', '新疆维吾尔自治区', '西藏自治区']

async function step(label: string, run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await run()
  const ms = performance.now() - t0
  console.log(`  ${label}: ${(ms / 1000).toFixed(1)} s`)
  return ms
}

/** Fills an empty, migrated store; returns the cooperative id and how long each part took. */
export async function generate(db: Db, orders: number, now: Date): Promise<{ cooperativeId: number; loadMs: number; rollupMs: number }> {
  const x = (q: ReturnType<typeof sql>) => db.execute(q)
  const at = now.toISOString()
  const provinces = sql.raw(`array[${PROVINCES.map((p) => `'${p}'`).join(',')}]`)
  let loadMs = 0
  loadMs += await step('catalogue and buyers', async () => {
    await x(sql`select setseed(0.2026)`)
    await x(sql`insert into cooperatives (id, name, county, province, commission_bps) overriding system value values (1, '基准测试合作社', '威宁县', '贵州省', 500)`)
    await x(sql`insert into categories (id, name) values ('fruit', '水果') on conflict do nothing`)
    await x(sql`insert into farmers (id, cooperative_id, name, village, is_poor_household) overriding system value
                select f, 1, '农户' || f, '村' || (f % 17), f % 3 = 0 from generate_series(1, ${FARMERS}) f`)
    await x(sql`insert into products (id, farmer_id, category_id, title, origin, harvest_start, harvest_end) overriding system value
                select p, (p + 1) / 2, 'fruit', '商品' || p, '贵州', '2024-01-01', '2030-12-31' from generate_series(1, ${FARMERS * 2}) p`)
    await x(sql`insert into product_specs (id, product_id, name, price_fen, unit, net_weight_g, stock) overriding system value
                select s, (s + 1) / 2, '规格' || s, 990 + ((s * 37) % 60) * 100, (array['斤','箱','kg','个']::spec_unit[])[1 + s % 4], 500 * (1 + s % 10), 100000
                  from generate_series(1, ${FARMERS * 4}) s`)
    await x(sql`insert into users (id, openid, nickname) overriding system value
                select u, 'bench-buyer-' || u, '' from generate_series(1, ${BUYERS}) u`)
  })
  loadMs += await step(`${orders.toLocaleString('en')} orders (plan)`, () =>
    x(sql`create table bench_orders as
          select row_number() over (order by paid_at) as id, * from (
          select 1 + floor(power(random(), 1.6) * ${FARMERS})::int as farmer,
                 floor(random() * 4)::int as k1, floor(random() * 4)::int as k2, random() < 0.25 as two,
                 1 + floor(random() * 3)::int as q1, 1 + floor(random() * 2)::int as q2,
                 ${at}::timestamptz - power(random(), 0.85) * interval '728 days' as paid_at,
                 1 + floor(random() * ${BUYERS})::int as buyer, random() < 0.03 as refunded,
                 (${provinces})[1 + floor(power(random(), 2.2) * ${PROVINCES.length})::int] as province
            from generate_series(1, ${orders}) g) plan`),
  )
  loadMs += await step('order lines', () =>
    x(sql`create table bench_lines as
          select id as order_id, 1 as line, (farmer - 1) * 4 + k1 + 1 as spec_id, q1 as quantity from bench_orders
          union all
          select id, 2, (farmer - 1) * 4 + k2 + 1, q2 from bench_orders where two and k2 <> k1`),
  )
  // Ids follow payment time and rows are written in that order, as a live store grows.
  loadMs += await step('checkouts', () =>
    x(sql`insert into checkouts (id, checkout_no, buyer_id, idempotency_key, request_hash, total_fen, expires_at, created_at) overriding system value
          select id, 'BC' || id, buyer, 'k' || id, 'h', 0, paid_at, paid_at from bench_orders order by id`),
  )
  loadMs += await step('orders', () =>
    x(sql`insert into orders (id, order_no, checkout_id, buyer_id, farmer_id, status, items_fen, shipping_fen, total_fen, address, expires_at, paid_at, refunded_at, received_at, created_at, updated_at) overriding system value
          select o.id, 'B' || o.id, o.id, o.buyer, o.farmer, case when o.refunded then 'refunded' else 'received' end::order_status,
                 l.items, case when l.items >= 9900 then 0 else 800 end, l.items + case when l.items >= 9900 then 0 else 800 end,
                 jsonb_build_object('name', '买家', 'phone', '13800000000', 'province', o.province, 'city', '', 'district', '', 'detail', ''),
                 o.paid_at, o.paid_at, case when o.refunded then o.paid_at + interval '5 hours' end,
                 case when not o.refunded then o.paid_at + interval '4 days' end, o.paid_at, o.paid_at
            from bench_orders o
            join (select b.order_id, sum(b.quantity * s.price_fen)::int as items from bench_lines b join product_specs s on s.id = b.spec_id group by b.order_id) l on l.order_id = o.id
           order by o.id`),
  )
  loadMs += await step('order items', () =>
    x(sql`insert into order_items (order_id, product_id, spec_id, title, spec_name, unit, net_weight_g, unit_price_fen, quantity, line_total_fen)
          select b.order_id, s.product_id, s.id, '商品', s.name, s.unit, s.net_weight_g, s.price_fen, b.quantity, b.quantity * s.price_fen
            from bench_lines b join product_specs s on s.id = b.spec_id order by b.order_id, b.line`),
  )
  loadMs += await step('payments and refunds of the ~3 % refunded', async () => {
    await x(sql`insert into payments (id, out_trade_no, checkout_id, order_ids, amount_fen, payer_openid, status, expires_at, paid_at, created_at) overriding system value
                select o.id, 'BP' || o.id, o.id, array[o.id], o.total_fen, 'bench', 'paid', o.paid_at, o.paid_at, o.paid_at from orders o where o.status = 'refunded'`)
    await x(sql`insert into refunds (out_refund_no, payment_id, order_id, amount_fen, reason, status, succeeded_at, created_at)
                select 'BR' || o.id, o.id, o.id, o.total_fen, '买家取消订单', 'succeeded', o.refunded_at + interval '1 minute', o.refunded_at from orders o where o.status = 'refunded'`)
    await x(sql`drop table bench_orders`)
    await x(sql`drop table bench_lines`)
    for (const table of ['checkouts', 'orders', 'payments', 'users', 'farmers', 'products', 'product_specs', 'cooperatives']) {
      await x(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`))
    }
  })
  const rollupMs = await step('rebuild the rollups (daily, weekly, buyers) from the orders', () => rebuildRollup(db))
  await step('vacuum analyze', () => x(sql`vacuum analyze`))
  return { cooperativeId: 1, loadMs, rollupMs }
}
