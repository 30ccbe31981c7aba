/**
 * SQL for members' household periods (household_periods, this module's table): a member's
 * history, the cooperative's list with today's status, who holds a registry number, and the
 * writes a status change makes. Dates are China dates as text (`YYYY-MM-DD`).
 */
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { HouseholdStatus } from '@domain/households'
import type { Executor } from '../../db/client'
import { farmers, householdPeriods } from '../../db/schema'

export interface PeriodRow {
  id: number
  status: HouseholdStatus
  startedOn: string
  endedOn: string | null
  source: string
  registryNo: string | null
  headName: string
}

const periodColumns = {
  id: householdPeriods.id,
  status: householdPeriods.status,
  startedOn: householdPeriods.startedOn,
  endedOn: householdPeriods.endedOn,
  source: householdPeriods.source,
  registryNo: householdPeriods.registryNo,
  headName: householdPeriods.headName,
}

/** Every period of a member's household, newest first. */
export async function periodsOf(db: Executor, farmerId: number): Promise<PeriodRow[]> {
  return db.select(periodColumns).from(householdPeriods).where(eq(householdPeriods.farmerId, farmerId)).orderBy(desc(householdPeriods.startedOn), desc(householdPeriods.id))
}

export interface ListRow {
  farmerId: number
  name: string
  village: string
  active: boolean
  /** The newest number on record (full: the service masks it). */
  registryNo: string | null
  /** The period covering `today`, if any. */
  status: HouseholdStatus | null
  since: string | null
}

/** The cooperative's members with the number on record and the status on `today`. */
export async function householdList(db: Executor, cooperativeId: number, today: string): Promise<ListRow[]> {
  const latestNo = sql<string | null>`(select h.registry_no from household_periods h
     where h.farmer_id = ${farmers.id} and h.registry_no is not null
     order by h.started_on desc, h.id desc limit 1)`
  return db
    .select({
      farmerId: farmers.id,
      name: farmers.name,
      village: farmers.village,
      active: farmers.active,
      registryNo: latestNo,
      status: householdPeriods.status,
      since: householdPeriods.startedOn,
    })
    .from(farmers)
    .leftJoin(
      householdPeriods,
      and(
        eq(householdPeriods.farmerId, farmers.id),
        sql`${householdPeriods.startedOn} <= ${today}::date`,
        sql`(${householdPeriods.endedOn} is null or ${householdPeriods.endedOn} >= ${today}::date)`,
      ),
    )
    .where(eq(farmers.cooperativeId, cooperativeId))
    .orderBy(desc(farmers.active), farmers.id)
}

/** Any fixed number: the advisory-lock class under which one cooperative's registry number is checked and taken. */
const REGISTRY_NO_LOCK = 1_602_2026

/**
 * Serialises everyone linking `registryNo` in this cooperative until the transaction ends, so two
 * managers (or a manager and a confirmed import) cannot give one number to two members at once.
 */
export async function lockRegistryNo(tx: Executor, cooperativeId: number, registryNo: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REGISTRY_NO_LOCK}, hashtext(${`${cooperativeId}:${registryNo}`}))`)
}

/** Another member of this cooperative whose open period carries `registryNo`, or null. */
export async function numberHolder(db: Executor, cooperativeId: number, registryNo: string, exceptFarmerId: number): Promise<{ farmerId: number; name: string } | null> {
  const [row] = await db
    .select({ farmerId: householdPeriods.farmerId, name: farmers.name })
    .from(householdPeriods)
    .innerJoin(farmers, eq(farmers.id, householdPeriods.farmerId))
    .where(
      and(
        eq(householdPeriods.cooperativeId, cooperativeId),
        eq(householdPeriods.registryNo, registryNo),
        isNull(householdPeriods.endedOn),
        ne(householdPeriods.farmerId, exceptFarmerId),
      ),
    )
    .limit(1)
  return row ?? null
}

export async function endPeriod(db: Executor, periodId: number, endedOn: string): Promise<void> {
  await db.update(householdPeriods).set({ endedOn }).where(eq(householdPeriods.id, periodId))
}

export interface PeriodFields {
  registryNo: string
  headName: string
  status: HouseholdStatus
  source: string
  createdBy: number
}

/** Overwrites an open period that began the same day (a correction, not a change). */
export async function replacePeriod(db: Executor, periodId: number, fields: PeriodFields): Promise<void> {
  await db.update(householdPeriods).set(fields).where(eq(householdPeriods.id, periodId))
}

export async function insertPeriod(db: Executor, row: PeriodFields & { cooperativeId: number; farmerId: number; startedOn: string }): Promise<void> {
  await db.insert(householdPeriods).values({ ...row, endedOn: null })
}
