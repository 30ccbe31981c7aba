/** Creates many cooperatives or farmers in one statement each (the demo store); pass the caller's transaction. */
import type { Executor } from '../../db/client'
import { cooperatives, farmers } from '../../db/schema'

export interface NewCooperative {
  name: string
  county: string
  province: string
  commissionBps: number
}

export interface NewFarmerRow {
  cooperativeId: number
  userId: number | null
  name: string
  village: string
  story: string
  photoKey: string | null
  isPoorHousehold: boolean
}

export async function insertCooperatives(db: Executor, rows: readonly NewCooperative[]): Promise<{ id: number; name: string }[]> {
  if (rows.length === 0) return []
  return db
    .insert(cooperatives)
    .values(rows.map((c) => ({ name: c.name, county: c.county, province: c.province, commissionBps: c.commissionBps })))
    .returning({ id: cooperatives.id, name: cooperatives.name })
}

/** farmers.user_id is unique: a second farmer row for one user fails the whole statement. */
export async function insertFarmers(db: Executor, rows: readonly NewFarmerRow[]): Promise<{ id: number; name: string }[]> {
  if (rows.length === 0) return []
  return db
    .insert(farmers)
    .values(
      rows.map((f) => ({
        cooperativeId: f.cooperativeId,
        userId: f.userId,
        name: f.name,
        village: f.village,
        story: f.story,
        photoUrl: f.photoKey,
        isPoorHousehold: f.isPoorHousehold,
      })),
    )
    .returning({ id: farmers.id, name: farmers.name })
}
