/**
 * Migration 0007 turns every farmer's flat shipping fee (farmer_shipping) into that farmer's own
 * one-zone freight template, so nothing changes for them: the same fee for any weight to any
 * province, free from the same threshold. Run against a store migrated up to 0006 with such rows.
 */
import { sql } from 'drizzle-orm'
import { freightFee, type FreightRules } from '@domain/freight'
import { migrationsFolder } from '../../server/src/db/client'
import { emptyStore, migrationsUpTo } from '../support/migrating-store'

describe('migration 0007 on the farmers’ flat shipping fees', () => {
  it('gives each farmer with a fee a template that prices every order as before, and drops farmer_shipping', async () => {
    const store = await emptyStore()
    try {
      await store.migrate(migrationsUpTo('0006_after_sale'))
      const [{ id: coop }] = await store.query<{ id: number }>(sql`insert into cooperatives (name, county, province) values ('合作社', '威宁县', '贵州省') returning id`)
      const farmer = async (name: string) => (await store.query<{ id: number }>(sql`insert into farmers (cooperative_id, name, village) values (${coop}, ${name}, '新华村') returning id`))[0].id
      const [paying, free, none] = [await farmer('张国华'), await farmer('李秀英'), await farmer('王芳')]
      await store.query(sql`insert into farmer_shipping (farmer_id, fee_fen, free_from_fen) values (${paying}, 800, 5000), (${free}, 0, null)`)

      await store.migrate(migrationsFolder)
      const templates = await store.query<{ id: number; farmer_id: number; cooperative_id: number; basis: string; free_from_fen: number | null; not_served: string[] }>(
        sql`select id, farmer_id, cooperative_id, basis, free_from_fen, not_served from freight_templates order by farmer_id`,
      )
      expect(templates.map((t) => [t.farmer_id, t.cooperative_id, t.basis, t.free_from_fen, t.not_served])).toEqual([
        [paying, coop, 'weight', 5000, []],
        [free, coop, 'weight', null, []],
      ])
      expect(templates.some((t) => t.farmer_id === none)).toBe(false)
      const zones = await store.query<{ template_id: number; provinces: string[]; first_units: number; first_fee_fen: number; step_units: number; step_fee_fen: number }>(
        sql`select template_id, provinces, first_units, first_fee_fen, step_units, step_fee_fen from freight_zones order by template_id`,
      )
      expect(zones).toHaveLength(2)
      const rulesOf = (t: (typeof templates)[number]): FreightRules => ({
        basis: 'weight',
        freeFromFen: t.free_from_fen,
        notServed: t.not_served,
        zones: zones.filter((z) => z.template_id === t.id).map((z) => ({ provinces: z.provinces, firstUnits: z.first_units, firstFeeFen: z.first_fee_fen, stepUnits: z.step_units, stepFeeFen: z.step_fee_fen })),
      })
      // the old rule: 800 fen per order whatever it weighs and wherever it goes, free from 5000
      for (const province of ['贵州省', '广东省', '西藏自治区']) {
        for (const grams of [500, 5000, 20_000]) {
          expect(freightFee(rulesOf(templates[0]), province, { units: grams, itemsFen: 4999 })).toMatchObject({ feeFen: 800, notServed: false })
          expect(freightFee(rulesOf(templates[0]), province, { units: grams, itemsFen: 5000 }).feeFen).toBe(0)
          expect(freightFee(rulesOf(templates[1]), province, { units: grams, itemsFen: 100 }).feeFen).toBe(0)
        }
      }
      const [{ n }] = await store.query<{ n: number }>(sql`select count(*)::int as n from information_schema.tables where table_name = 'farmer_shipping'`)
      expect(n).toBe(0)
    } finally {
      await store.close()
    }
  })
})
