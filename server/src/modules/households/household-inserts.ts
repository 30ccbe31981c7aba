/** Creating household status periods many at once (the demo store); pass the caller's transaction. */
import type { HouseholdStatus } from '@domain/households'
import type { Executor } from '../../db/client'
import { householdPeriods } from '../../db/schema'

export interface NewHouseholdPeriod {
  cooperativeId: number
  farmerId: number
  registryNo: string | null
  headName: string
  status: HouseholdStatus
  startedOn: string
  endedOn?: string | null
  source: string
}

export async function insertHouseholdPeriods(db: Executor, rows: readonly NewHouseholdPeriod[]): Promise<void> {
  if (rows.length === 0) return
  await db.insert(householdPeriods).values(rows.map((r) => ({ ...r, endedOn: r.endedOn ?? null })))
}
