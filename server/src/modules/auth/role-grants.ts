/** Granting roles, many in one statement (the demo store's personas) or one (a buyer's first sign-in, a farmer joining); a role already held is left as it is. */
import type { Executor } from '../../db/client'
import { userRoles } from '../../db/schema'
import type { RoleDto } from '@contracts/auth'

export interface RoleGrant {
  userId: number
  role: RoleDto
  /** For coop_admin: the cooperative they manage. */
  cooperativeId?: number | null
}

export async function grantRoles(db: Executor, grants: readonly RoleGrant[]): Promise<void> {
  if (grants.length === 0) return
  await db.insert(userRoles).values([...grants]).onConflictDoNothing()
}

/** Grants a buyer or farmer role (no cooperative); pass the caller's transaction to grant it with what it comes from. */
export async function grantRole(db: Executor, userId: number, role: Exclude<RoleDto, 'coop_admin'>): Promise<void> {
  await grantRoles(db, [{ userId, role }])
}
