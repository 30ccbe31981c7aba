/**
 * The demo's cooperative side: a few weeks of paid orders for the demo cooperative, its rollup
 * equal to a rebuild from those orders, older statements confirmed and paid, safe to repeat.
 */
import { sql } from 'drizzle-orm'
import { buildApp } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { DEMO_COOP_ADMIN_OPENID, seedDemoCoopSales } from '../../server/src/seed/demo-sales'
import { rebuildRollup } from '../../server/src/modules/sales-rollup'
import { seedDemoData } from '../../server/src/seed/seed'
import { openTestStore, type TestStore } from '../support/store'

const NOW = new Date('2026-11-28T02:00:00Z') // Saturday of 2026-W48
let t: TestStore

beforeAll(async () => {
  t = await openTestStore()
  await seedDemoData(t.store.db, '2026-11-28')
})
afterAll(() => t.close())

const rows = async (q: ReturnType<typeof sql>) => ((await t.store.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows

describe('demo sales for the cooperative side', () => {
  it('writes six weeks of orders whose rollup matches a rebuild, and settles the older weeks', async () => {
    const written = await seedDemoCoopSales(t.store.db, NOW)
    expect(written).not.toBeNull()
    expect(written!.orders).toBeGreaterThan(100)
    expect(written!.refunds).toBeGreaterThan(0)
    expect(written!.statements).toBeGreaterThan(0)

    const snapshot = async () => rows(sql`select day::text, spec_id, buyer_province, orders, quantity, weight_g::text, gross_fen::text, shipping_fen::text, refunds_fen::text from sales_daily order by 1, 2, 3`)
    const kept = await snapshot()
    expect(kept.length).toBeGreaterThan(0)
    await rebuildRollup(t.store.db)
    expect(await snapshot()).toEqual(kept)

    const statuses = await rows(sql`select week, status::text, count(*)::int as n from settlements group by 1, 2 order by 1, 2`)
    expect(statuses.some((r) => r.status === 'paid')).toBe(true)
    expect(statuses.some((r) => r.status === 'confirmed' && r.week === '2026-W46')).toBe(true)
    expect(statuses.some((r) => r.week === '2026-W47')).toBe(false) // last week: left to confirm in the demo
    const pending = await rows(sql`select count(*)::int as n from orders where status in ('paid', 'shipped')`)
    expect(pending[0].n).toBe(0) // nothing lands in a farmer's packing list

    expect(await seedDemoCoopSales(t.store.db, NOW)).toBeNull()
  })

  it('the demo manager sees the week at a glance', async () => {
    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), store: t.store, clock: () => NOW })
    await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const code = app.sandbox!.loginCodes.issue(DEMO_COOP_ADMIN_OPENID)
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { code } })
      const auth = { authorization: `Bearer ${login.json().token}` }
      const report = (await app.inject({ method: 'GET', url: '/api/v1/coop/reports/weekly?week=2026-W47', headers: auth })).json()
      expect(report.totals.orders).toBeGreaterThan(5)
      expect(report.trend.filter((p: { orders: number }) => p.orders > 0).length).toBeGreaterThanOrEqual(6)
      const impact = (await app.inject({ method: 'GET', url: '/api/v1/coop/reports/impact?week=2026-W47', headers: auth })).json()
      expect(impact.poorHouseholds).toBeGreaterThan(0)
      const list = (await app.inject({ method: 'GET', url: '/api/v1/coop/settlements?week=2026-W47', headers: auth })).json()
      expect(list.weekOver).toBe(true)
      expect(list.statements.every((s: { status: string }) => s.status === 'draft')).toBe(true)
    } finally {
      await app.close()
    }
  })
})
