/**
 * SQL for the registry report: sales from the daily rollup (sales_daily, sales-rollup's table:
 * day, farmer_id, orders, weight_g, gross_fen) matched to this module's household_periods by day
 * range — never a scan over orders — the cooperative's household periods, its county, and the
 * exporting manager's name.
 */
import { eq, sql } from 'drizzle-orm'
import { COUNTING_STATUSES, type HouseholdStatus } from '@domain/households'
import type { Executor } from '../../db/client'
import { cooperatives, householdPeriods, users } from '../../db/schema'
import { weekOfDaySql } from '../../sql/china-time-sql'
import { countsOnDaySql } from '../../sql/household-status-sql'
import { num, rowsOf } from '../../sql/rows'
import { displayName } from './registry-audit'

export interface SalesFigures {
  orders: number
  weightG: number
  grossFen: number
}

/** One farmer's sales of one ISO week: all of them, and those made on a day their household had a counting status. */
export interface FarmerWeekSales {
  farmerId: number
  week: string
  all: SalesFigures
  registered: SalesFigures
}

/**
 * Goods sold per farmer and ISO week on the China days [from, to] (inclusive): every sale, and the
 * sales of days on which the farmer's household status was one of COUNTING_STATUSES (a period
 * covers started_on through ended_on, both inclusive). `exists`, not a join: a day is counted
 * once even if two periods were ever recorded over it. Shipping is not income and is left out.
 */
export async function salesByFarmerWeek(db: Executor, cooperativeId: number, from: string, to: string): Promise<FarmerWeekSales[]> {
  const rows = rowsOf<{ farmer_id: unknown; week: string; orders: unknown; weight_g: unknown; gross_fen: unknown; r_orders: unknown; r_weight_g: unknown; r_gross_fen: unknown }>(
    await db.execute(sql`
      select d.farmer_id, ${weekOfDaySql('d.day')} as week,
             sum(d.orders) as orders, sum(d.weight_g) as weight_g, sum(d.gross_fen) as gross_fen,
             coalesce(sum(d.orders) filter (where c.counts), 0) as r_orders,
             coalesce(sum(d.weight_g) filter (where c.counts), 0) as r_weight_g,
             coalesce(sum(d.gross_fen) filter (where c.counts), 0) as r_gross_fen
        from sales_daily d
        cross join lateral (select ${countsOnDaySql(sql`d.farmer_id`, sql`d.day`)} as counts) c
       where d.cooperative_id = ${cooperativeId} and d.day >= ${from}::date and d.day <= ${to}::date
       group by d.farmer_id, 2`),
  )
  return rows.map((r) => ({
    farmerId: num(r.farmer_id),
    week: r.week,
    all: { orders: num(r.orders), weightG: num(r.weight_g), grossFen: num(r.gross_fen) },
    registered: { orders: num(r.r_orders), weightG: num(r.r_weight_g), grossFen: num(r.r_gross_fen) },
  }))
}

export interface HouseholdPeriodRow {
  farmerId: number
  status: HouseholdStatus
  startedOn: string
  endedOn: string | null
  registryNo: string | null
  headName: string
}

/** Every household period of the cooperative's members, oldest first per farmer. */
export async function periodsOfCooperative(db: Executor, cooperativeId: number): Promise<HouseholdPeriodRow[]> {
  return db
    .select({
      farmerId: householdPeriods.farmerId,
      status: householdPeriods.status,
      startedOn: householdPeriods.startedOn,
      endedOn: householdPeriods.endedOn,
      registryNo: householdPeriods.registryNo,
      headName: householdPeriods.headName,
    })
    .from(householdPeriods)
    .where(eq(householdPeriods.cooperativeId, cooperativeId))
    .orderBy(householdPeriods.farmerId, householdPeriods.startedOn, householdPeriods.id)
}

/** The farmers whose household had a counting status (COUNTING_STATUSES) on at least one of the days [from, to]. */
export function onRegisterDuring(periods: readonly HouseholdPeriodRow[], from: string, to: string): Set<number> {
  const on = new Set<number>()
  for (const p of periods) if (COUNTING_STATUSES.includes(p.status) && p.startedOn <= to && (p.endedOn === null || p.endedOn >= from)) on.add(p.farmerId)
  return on
}

/** The cooperative's county (cooperatives, members' table: id, county). */
export async function countyOf(db: Executor, cooperativeId: number): Promise<string> {
  const [row] = await db.select({ county: cooperatives.county }).from(cooperatives).where(eq(cooperatives.id, cooperativeId))
  return row?.county ?? ''
}

/** The name a user goes by (users, auth's table: id, nickname), as the audit log shows it. */
export async function userName(db: Executor, userId: number): Promise<string> {
  const [row] = await db.select({ nickname: users.nickname }).from(users).where(eq(users.id, userId))
  return displayName(row?.nickname, userId)
}
