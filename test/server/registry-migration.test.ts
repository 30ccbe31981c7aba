/**
 * Migration 0008 turns the old yes/no poor-household flag into household history: a flagged
 * member becomes 在册 (registered) since the China day they joined, an unflagged one gets no
 * period, and the flag column goes, so no figure changes silently. Run against a store migrated
 * up to 0007 with such rows.
 */
import { sql } from 'drizzle-orm'
import { migrationsFolder } from '../../server/src/db/client'
import { emptyStore, migrationsUpTo } from '../support/migrating-store'

describe('migration 0008 on the poor-household flags', () => {
  it('makes a flagged member 在册 since the day they joined, an unflagged one nothing, and drops the flag', async () => {
    const store = await emptyStore()
    try {
      await store.migrate(migrationsUpTo('0007_freight_templates'))
      const [{ id: coopId }] = await store.query<{ id: unknown }>(sql`insert into cooperatives (name, county, province) values ('合作社', '威宁县', '贵州省') returning id`)
      const coop = Number(coopId) // bigint: a string on node-postgres
      // joined 2025-03-01 23:30 in China (15:30 UTC): the China day is the 1st, not the UTC one before it
      const farmer = async (name: string, flagged: boolean, joined: string) =>
        Number((await store.query<{ id: unknown }>(sql`insert into farmers (cooperative_id, name, village, is_poor_household, created_at) values (${coop}, ${name}, '新华村', ${flagged}, ${joined}::timestamptz) returning id`))[0].id)
      const flagged = await farmer('李秀英', true, '2025-03-01T15:30:00Z')
      const plain = await farmer('张国华', false, '2025-02-01T02:00:00Z')

      await store.migrate(migrationsFolder)
      const periods = await store.query<{ farmer_id: unknown; cooperative_id: unknown; status: string; started_on: string; ended_on: string | null; source: string; registry_no: string | null }>(
        sql`select farmer_id, cooperative_id, status, started_on::text as started_on, ended_on::text as ended_on, source, registry_no from household_periods order by id`,
      )
      expect(periods.map((p) => ({ ...p, farmer_id: Number(p.farmer_id), cooperative_id: Number(p.cooperative_id) }))).toEqual([
        { farmer_id: flagged, cooperative_id: coop, status: 'registered', started_on: '2025-03-01', ended_on: null, source: 'migration', registry_no: null },
      ])
      expect(periods.some((p) => Number(p.farmer_id) === plain)).toBe(false)
      const [{ n }] = await store.query<{ n: number }>(sql`select count(*)::int as n from information_schema.columns where table_name = 'farmers' and column_name = 'is_poor_household'`)
      expect(n).toBe(0)
    } finally {
      await store.close()
    }
  })
})
