/** Creating cooperatives and farmers, many in one statement (the demo store) or one (an accepted invite); pass the caller's transaction. */
import type { Executor } from '../../db/client'
import { cooperatives, farmers } from '../../db/schema'

export interface NewCooperative {
  name: string
  county: string
  province: string
  commissionBps: number
}

export interface NewFarmer {
  cooperativeId: number
  /** The farmer's own account; null for a member who does not use the app. */
  userId: number | null
  name: string
  village: string
  story: string
  photoKey: string | null
}

export async function insertCooperatives(db: Executor, rows: readonly NewCooperative[]): Promise<{ id: number; name: string }[]> {
  if (rows.length === 0) return []
  return db
    .insert(cooperatives)
    .values([...rows])
    .returning({ id: cooperatives.id, name: cooperatives.name })
}

/** farmers.user_id is unique: a second farmer row for one user fails the whole statement. */
export async function insertFarmers(db: Executor, rows: readonly NewFarmer[]): Promise<{ id: number; name: string }[]> {
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
      })),
    )
    .returning({ id: farmers.id, name: farmers.name })
}

/** Creates one farmer (an accepted invite); a second farmer row for the same user fails with a unique violation. */
export async function insertFarmer(db: Executor, farmer: NewFarmer): Promise<number> {
  const [row] = await insertFarmers(db, [farmer])
  return row.id
}
