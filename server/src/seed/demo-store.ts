/**
 * The whole demo store, for `npm start` and `npm run seed`: the catalogue (harvest windows around
 * today) and, the first time only, six weeks of the demo cooperative's past sales so its reports,
 * statements and impact pages have something to show. A store with data is left untouched.
 */
import type { Db } from '../db/client'
import { seedDemoCoopSales } from './demo-sales'
import { chinaDate } from '@domain/china-time'
import { seedDemoData, type SeedResult } from './seed'

export interface DemoStoreResult extends SeedResult {
  /** What the demo cooperative's past sales wrote, when seeded. */
  sales?: { orders: number; refunds: number; statements: number } | null
}

export async function seedDemoStore(db: Db, now = new Date()): Promise<DemoStoreResult> {
  const result = await seedDemoData(db, chinaDate(now))
  if (!result.seeded) return result
  return { ...result, sales: await seedDemoCoopSales(db, now) }
}
