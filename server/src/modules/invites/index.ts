/**
 * The invites module: a cooperative manager invites farmers; accepting creates the farmer.
 *
 * Owns (the only writer of) `farmer_invites`. Accepting an invite is an orchestrating use case:
 * the farmer row is written by members (`insertFarmer`), the farmer role by auth (`grantRole`),
 * in one transaction. Other modules may read farmer_invites: cooperative_id, code, expires_at,
 * used_at, used_by_farmer_id. Depends on members, auth, farmer-listings (the content gate) and
 * uploads (whose photos a user owns).
 */
import type { ModuleContext } from '../../module-context'
import { createContentCheck } from '../../wechat/content-check'
import { grantRole } from '../auth'
import { createContentGate } from '../farmer-listings'
import { farmerOfUser, insertFarmer } from '../members'
import { ownedMediaKeys } from '../uploads'
import { createInviteRepository } from './invite-repository'
import { inviteRoutes } from './invite-routes'
import { createInviteService } from './invite-service'

export async function registerInvites(ctx: ModuleContext): Promise<void> {
  const gate = createContentGate({ db: ctx.db, contentCheck: createContentCheck(ctx.accessTokens), log: ctx.app.log })
  const invites = createInviteService({
    repo: createInviteRepository(ctx.db),
    gate,
    ownedMediaKeys: (userId, keys) => ownedMediaKeys(ctx.db, userId, keys),
    membership: { farmerOfUser, insertFarmer, grantFarmerRole: (tx, userId) => grantRole(tx, userId, 'farmer') },
    clock: ctx.clock,
  })
  await ctx.app.register(inviteRoutes, { auth: ctx.auth, invites })
}
