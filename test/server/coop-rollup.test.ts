/**
 * The daily sales rollup kept by the payment and refund hooks: China-week boundaries whatever
 * the server's time zone, and equality with figures recomputed from the raw orders and refunds
 * after a mix of payments, refunds and a refunded late payment.
 */
import { sql } from 'drizzle-orm'
import { rebuildRollup } from '../../server/src/modules/sales-rollup'
import { startTestApp, type TestApp } from '../support/app'
import { addBuyer, placeOrder, type TestBuyer } from '../support/order-builders'
import { buyAndPay, cancelPaid, coopFixture, insertPaidOrder, refundThroughLedger, rollupSums } from './coop-support'

let now = new Date('2026-11-25T02:00:00Z') // Wednesday of 2026-W48
let networkDown = false
let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
const flakyFetch: typeof fetch = (input, init) => (networkDown ? Promise.reject(new Error('network down')) : fetch(input, init))

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now, paySandbox: { fetchImpl: flakyFetch } })
  fx = await coopFixture(t)
})
afterAll(() => t.close())

async function buyerIn(province: string): Promise<TestBuyer> {
  const buyer = await addBuyer(t)
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/addresses',
    headers: buyer.auth,
    payload: { name: '王芳', phone: '13900000000', province, city: '某市', district: '某区', detail: '某路 2 号' },
  })
  return { ...buyer, addressId: res.json().id }
}

const weekly = async (week: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/coop/reports/weekly?week=${week}`, headers: fx.manager })).json()

const rows = async (query: ReturnType<typeof sql>) => (await t.store.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }

describe('week boundaries', () => {
  it('an order paid Sunday 23:59 and one paid Monday 00:01 China time fall in different weeks', async () => {
    const buyer = await addBuyer(t)
    now = new Date('2026-11-29T15:50:00Z') // Sunday 23:50 in China
    const sunday = await placeOrder(t, buyer, [{ specId: fx.appleSpec, quantity: 1 }])
    const sundayPay = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${sunday.json().id}/pay`, headers: buyer.auth })
    now = new Date('2026-11-29T15:59:00Z') // Sunday 23:59
    t.app.sandbox!.pay.userPays(sundayPay.json().requestPayment.package.replace('prepay_id=', ''))
    await t.app.sandbox!.pay.whenIdle()
    now = new Date('2026-11-29T16:01:00Z') // Monday 00:01
    await buyAndPay(t, buyer, [{ specId: fx.potatoSpec, quantity: 4 }])

    const w48 = await weekly('2026-W48')
    const w49 = await weekly('2026-W49')
    expect(w48.totals).toMatchObject({ orders: 1, buyers: 1, grossFen: 2990, weightKg: 2.5 })
    expect(w49.totals).toMatchObject({ orders: 1, buyers: 1, grossFen: 1400, weightKg: 2 })
    const days = await rows(sql`select day::text as day, sum(orders)::int as n from sales_daily where cooperative_id = ${fx.coop.id} group by day order by day`)
    expect(days.rows).toEqual([{ day: '2026-11-29', n: 1 }, { day: '2026-11-30', n: 1 }])
  })
})

describe('the rollup equals the raw figures', () => {
  it('after payments, refunds and a refunded late payment', async () => {
    const gz = await buyerIn('贵州省')
    const gd = await buyerIn('广东省')
    const sh = await buyerIn('上海市')
    now = new Date('2026-12-01T03:00:00Z')
    const a = await buyAndPay(t, gz, [{ specId: fx.appleSpec, quantity: 2 }, { specId: fx.potatoSpec, quantity: 10 }])
    const b = await buyAndPay(t, gd, [{ specId: fx.appleSpec, quantity: 1 }])
    now = new Date('2026-12-02T09:30:00Z')
    const c = await buyAndPay(t, sh, [{ specId: fx.potatoSpec, quantity: 3 }])
    await buyAndPay(t, gz, [{ specId: fx.appleSpec, quantity: 3 }])
    // refunds on later days: one the same week, one the next week
    now = new Date('2026-12-03T01:00:00Z')
    await cancelPaid(t, gd, b.orders[0].id, now)
    now = new Date('2026-12-08T02:00:00Z')
    await cancelPaid(t, gz, a.orders.find((o) => o.farmer.id === fx.li.id)!.id, now)

    // a payment reaching us after the checkout expired: refunded at once, never a sale
    const late = await placeOrder(t, sh, [{ specId: fx.appleSpec, quantity: 5 }])
    const latePay = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${late.json().id}/pay`, headers: sh.auth })
    networkDown = true
    t.app.sandbox!.pay.userPays(latePay.json().requestPayment.package.replace('prepay_id=', ''))
    now = new Date(now.getTime() + 31 * 60_000)
    t.app.sandbox!.pay.failNextCall('SYSTEM_ERROR')
    await t.app.jobs.runDue(now)
    networkDown = false
    await t.app.sandbox!.pay.whenIdle()
    await t.app.jobs.runDue(now)
    await t.app.sandbox!.pay.whenIdle()
    const bounced = await rows(sql`select count(*)::int as n from refunds r join orders o on o.id = r.order_id where o.paid_at is null and r.status = 'succeeded'`)
    expect(bounced.rows[0].n).toBeGreaterThan(0)
    expect(c.orders).toHaveLength(1)

    // the same figures, recomputed from orders, items and refunds with plain SQL per China day
    const rollup = await rows(sql`
      select day::text as day, sum(orders)::int as orders, sum(quantity)::int as quantity, sum(weight_g)::int as weight_g,
             sum(gross_fen)::int as gross, sum(shipping_fen)::int as shipping, sum(refunds_fen)::int as refunds
        from sales_daily where cooperative_id = ${fx.coop.id} group by day order by day`)
    const raw = await rows(sql`
      with sales as (
        select ((o.paid_at at time zone 'Asia/Shanghai')::date)::text as day, count(distinct o.id)::int as orders,
               sum(i.quantity)::int as quantity, sum(i.quantity * i.net_weight_g)::int as weight_g, sum(i.line_total_fen)::int as gross
          from orders o join order_items i on i.order_id = o.id where o.paid_at is not null group by 1),
      shipping as (select ((paid_at at time zone 'Asia/Shanghai')::date)::text as day, sum(shipping_fen)::int as fee from orders where paid_at is not null group by 1),
      back as (
        select ((r.succeeded_at at time zone 'Asia/Shanghai')::date)::text as day, sum(least(r.amount_fen, o.items_fen))::int as goods,
               sum(r.amount_fen - least(r.amount_fen, o.items_fen))::int as ship
          from refunds r join orders o on o.id = r.order_id
         where r.status = 'succeeded' and o.status = 'refunded' and o.paid_at is not null group by 1)
      select d.day, coalesce(s.orders, 0) as orders, coalesce(s.quantity, 0) as quantity, coalesce(s.weight_g, 0) as weight_g, coalesce(s.gross, 0) as gross,
             coalesce(f.fee, 0) - coalesce(b.ship, 0) as shipping, coalesce(b.goods, 0) as refunds
        from (select day from sales union select day from back) d
        left join sales s using (day) left join shipping f using (day) left join back b using (day)
       order by d.day`)
    expect(rollup.rows).toEqual(raw.rows)
    expect(raw.rows.some((r) => Number(r.refunds) > 0)).toBe(true)

    // and a rebuild from scratch — daily from the orders, weekly from the daily rows — gives the very same rows
    const weekly = async () => [
      (await rows(sql`select week, spec_id, product_id, farmer_id, orders, quantity, weight_g::text, gross_fen::text, shipping_fen::text, refunds_fen::text from sales_weekly_specs order by 1, 2`)).rows,
      (await rows(sql`select week, buyer_province, orders, quantity, weight_g::text, gross_fen::text, shipping_fen::text, refunds_fen::text from sales_weekly_provinces order by 1, 2`)).rows,
      (await rows(sql`select week, buyer_id from weekly_buyers order by week, buyer_id`)).rows,
      (await rows(sql`select week, sum(buyers)::int as n from weekly_buyer_counts group by week order by week`)).rows,
    ]
    const kept = await rollupSums(t, fx.coop.id)
    const weeklyKept = await weekly()
    expect(weeklyKept[0].length).toBeGreaterThan(0)
    expect(weeklyKept[3]).toEqual([{ week: '2026-W48', n: 1 }, { week: '2026-W49', n: 4 }])
    await rebuildRollup(t.store.db)
    expect(await rollupSums(t, fx.coop.id)).toEqual(kept)
    expect(await weekly()).toEqual(weeklyKept)
  })
})

describe('several refunds of one order', () => {
  it('give back goods only up to what was sold, then shipping — in the rollup, its rebuild and the statements alike', async () => {
    const buyer = await buyerIn('云南省')
    now = new Date('2026-12-15T03:00:00Z') // Tuesday of 2026-W51
    const checkout = await buyAndPay(t, buyer, [{ specId: fx.potatoSpec, quantity: 4 }]) // 1400 fen of goods + 600 shipping
    const order = checkout.orders[0]
    expect(order.shippingFen).toBe(600)
    // a weight adjustment of all but one yuan of the goods, then a claim refund of the rest of the order
    await refundThroughLedger(t, order.id, { kind: 'weight_adjustment', amountFen: order.itemsFen - 100 }, now)
    now = new Date(now.getTime() + 61_000)
    await refundThroughLedger(t, order.id, { kind: 'after_sale', amountFen: 100 + order.shippingFen }, now)

    const of = async () =>
      (await rows(sql`select sum(refunds_fen)::int as goods, sum(shipping_fen)::int as shipping from sales_daily
                       where cooperative_id = ${fx.coop.id} and day = '2026-12-15'`)).rows[0]
    const kept = await of()
    expect(kept).toEqual({ goods: order.itemsFen, shipping: 0 }) // the day's shipping collected, all given back
    const report = await weekly('2026-W51')
    const statements = (await t.app.inject({ method: 'GET', url: '/api/v1/coop/settlements?week=2026-W51', headers: fx.manager })).json()
    const statementRefunds = statements.statements.reduce((sum: number, s: { refundsFen: number }) => sum + s.refundsFen, 0)
    expect(report.totals.refundsFen).toBe(order.itemsFen)
    expect(statementRefunds).toBe(order.itemsFen)
    await rebuildRollup(t.store.db, fx.coop.id)
    expect(await of()).toEqual(kept)
  })
})

describe('concurrent payments', () => {
  it('transactions upserting the same rollup rows at once neither deadlock nor lose a sale (one lock order)', async () => {
    const other = await coopFixture(t, '草海第二合作社')
    const buyerIds = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const buyer = await addBuyer(t)
        return (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: buyer.auth })).json().id as number
      }),
    )
    const paidAt = new Date('2026-12-09T04:00:00Z')
    const apple = { specId: other.appleSpec, productId: 0, quantity: 1, priceFen: 2990, netWeightG: 2500 }
    const potato = { specId: other.potatoSpec, productId: 0, quantity: 4, priceFen: 350, netWeightG: 500, unit: '斤' as const }
    const products = await rows(sql`select id, product_id from product_specs where id in (${other.appleSpec}, ${other.potatoSpec})`)
    const productOf = new Map(products.rows.map((r) => [Number(r.id), Number(r.product_id)]))
    apple.productId = productOf.get(apple.specId)!
    potato.productId = productOf.get(potato.specId)!
    // 16 payments at once over the same specs, provinces and buyers, their lines in either order
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        insertPaidOrder(t, {
          buyerId: buyerIds[i % buyerIds.length],
          farmerId: other.zhang.id,
          paidAt: new Date(paidAt.getTime() + (i % 3) * 60_000),
          province: i % 2 === 0 ? '贵州省' : '广东省',
          shippingFen: 600,
          lines: i % 2 === 0 ? [apple, potato] : [potato, apple],
        }),
      ),
    )
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    const kept = await rollupSums(t, other.coop.id)
    expect(kept.reduce((n, r) => n + Number(r.orders), 0)).toBe(16)
    await rebuildRollup(t.store.db, other.coop.id)
    expect(await rollupSums(t, other.coop.id)).toEqual(kept)
  })
})
