/**
 * SQL for the cooperative's members: their farmer rows, products and flags, and the cooperative's
 * commission. Whether a member is a registered household today is read from household_periods
 * (owned by modules/households: farmer_id, status, started_on, ended_on).
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { cooperatives, farmers } from '../../db/schema'
import { countsOnDaySql } from '../../sql/household-status-sql'
import { num, rowsOf } from '../../sql/rows'

/** True when farmer `f` counts as a registered household on the China date `day`. */
const registeredOn = (day: string) => countsOnDaySql(sql`f.id`, sql`${day}::date`)

export interface MemberRow {
  farmerId: number
  name: string
  village: string
  isPoorHousehold: boolean
  active: boolean
  joined: boolean
  products: number
  productsOnSale: number
}

/** The members with their flags; `today` (China date) decides who counts as a registered household. */
export async function membersOf(db: Executor, cooperativeId: number, today: string, farmerId?: number): Promise<MemberRow[]> {
  const rows = rowsOf<{ id: unknown; name: string; village: string; is_poor_household: boolean; active: boolean; joined: boolean; products: unknown; on_sale: unknown }>(
    await db.execute(sql`
      select f.id, f.name, f.village, ${registeredOn(today)} as is_poor_household, f.active, f.user_id is not null as joined,
             count(p.id) as products,
             count(p.id) filter (where p.status = 'on_sale' and p.review_status = 'approved') as on_sale
        from farmers f left join products p on p.farmer_id = f.id
       where f.cooperative_id = ${cooperativeId} and ${farmerId === undefined ? sql`true` : sql`f.id = ${farmerId}`}
       group by f.id
       order by f.active desc, f.id`),
  )
  return rows.map((r) => ({
    farmerId: num(r.id),
    name: r.name,
    village: r.village,
    isPoorHousehold: r.is_poor_household,
    active: r.active,
    joined: r.joined,
    products: num(r.products),
    productsOnSale: num(r.on_sale),
  }))
}

/** Sets flags on a farmer of this cooperative; false when there is no such farmer. */
export async function updateFarmer(db: Executor, cooperativeId: number, farmerId: number, set: { active?: boolean }): Promise<boolean> {
  const rows = await db
    .update(farmers)
    .set(set)
    .where(and(eq(farmers.id, farmerId), eq(farmers.cooperativeId, cooperativeId)))
    .returning({ id: farmers.id })
  return rows.length > 0
}

export async function setCommission(db: Executor, cooperativeId: number, bps: number): Promise<number> {
  const [row] = await db.update(cooperatives).set({ commissionBps: bps }).where(eq(cooperatives.id, cooperativeId)).returning({ bps: cooperatives.commissionBps })
  return row.bps
}

export interface FarmerName {
  farmerId: number
  name: string
  village: string
  isPoorHousehold: boolean
  active: boolean
}

/** Every farmer of a cooperative (active or not) by id, with the names reports and statements print; `day` (China date) decides isPoorHousehold. */
export async function farmersOf(db: Executor, cooperativeId: number, day: string): Promise<Map<number, FarmerName>> {
  const rows = rowsOf<{ id: unknown; name: string; village: string; is_poor_household: boolean; active: boolean }>(
    await db.execute(sql`select f.id, f.name, f.village, ${registeredOn(day)} as is_poor_household, f.active from farmers f where f.cooperative_id = ${cooperativeId} order by f.id`),
  )
  return new Map(rows.map((r) => [num(r.id), { farmerId: num(r.id), name: r.name, village: r.village, isPoorHousehold: r.is_poor_household, active: r.active }]))
}

/** The farmer row of a user (active or not), or null. */
export async function farmerOfUser(db: Executor, userId: number): Promise<{ id: number; cooperativeId: number; name: string; village: string } | null> {
  const [row] = await db
    .select({ id: farmers.id, cooperativeId: farmers.cooperativeId, name: farmers.name, village: farmers.village })
    .from(farmers)
    .where(eq(farmers.userId, userId))
  return row ?? null
}
