/** Grants many roles in one statement (the demo store's personas); a role already held is left as it is. */
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
