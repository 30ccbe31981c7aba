/**
 * The demo's cooperative side: a few weeks of paid orders for the demo cooperative, its rollup
 * equal to a rebuild from those orders, older statements confirmed and paid, safe to repeat; in
 * every week the report and the statements count the same refunds (the week they succeeded).
 */
import { sql } from 'drizzle-orm'
import type { ImpactReportDto, StatementListDto, WeeklyReportDto } from '@contracts/coop'
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
    await asDemoManager(async (get) => {
      const report = await get<WeeklyReportDto>('/api/v1/coop/reports/weekly?week=2026-W47')
      expect(report.totals.orders).toBeGreaterThan(5)
      expect(report.trend.filter((p) => p.orders > 0).length).toBeGreaterThanOrEqual(6)
      const impact = await get<ImpactReportDto>('/api/v1/coop/reports/impact?week=2026-W47')
      expect(impact.poorHouseholds).toBeGreaterThan(0)
      const list = await get<StatementListDto>('/api/v1/coop/settlements?week=2026-W47')
      expect(list.weekOver).toBe(true)
      expect(list.statements.every((s) => s.status === 'draft')).toBe(true)
    })
  })

  it('the demo’s weeks: the report’s refunds equal the statements’ refunds plus the cooperative-borne ones, week by week', async () => {
    await asDemoManager(async (get) => {
      const weeks = (await get<WeeklyReportDto>('/api/v1/coop/reports/weekly?week=2026-W48')).trend.map((p) => p.week)
      let refunded = 0
      for (const week of weeks) {
        const [report, list] = [await get<WeeklyReportDto>(`/api/v1/coop/reports/weekly?week=${week}`), await get<StatementListDto>(`/api/v1/coop/settlements?week=${week}`)]
        const byKind = report.refundsByKind
        expect({ week, refunds: report.totals.refundsFen }).toEqual({ week, refunds: list.totals.refundsFen + list.cooperativeRefunds.goodsFen })
        expect({ week, refunds: byKind.reduce((sum, k) => sum + k.goodsFen, 0) }).toEqual({ week, refunds: report.totals.refundsFen })
        // shipping: the report nets every refund's shipping, a statement only the farmer's own
        expect({ week, shipping: report.totals.shippingFen }).toEqual({ week, shipping: list.totals.shippingFen - list.cooperativeRefunds.shippingFen })
        for (const s of list.statements) {
          expect(s.refundsByKind.reduce((sum, k) => sum + k.goodsFen, 0)).toBe(s.refundsFen)
        }
        if (report.totals.refundsFen > 0) refunded += 1
      }
      expect(refunded).toBeGreaterThan(0)
    })
  })
})

/** Runs `fn` with GET (a JSON body of the API's shape T) as the demo cooperative's manager, the clock at NOW. */
async function asDemoManager(fn: (get: <T>(url: string) => Promise<T>) => Promise<void>) {
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), store: t.store, clock: () => NOW })
  await app.listen({ port: 0, host: '127.0.0.1' })
  try {
    const code = app.sandbox!.loginCodes.issue(DEMO_COOP_ADMIN_OPENID)
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { code } })
    const auth = { authorization: `Bearer ${login.json().token}` }
    await fn(async <T>(url: string) => (await app.inject({ method: 'GET', url, headers: auth })).json() as T)
  } finally {
    await app.close()
  }
}
