/** The invites module: a cooperative manager invites farmers; accepting creates the farmer. */
import type { ModuleContext } from '../../module-context'
import { createContentCheck } from '../../wechat/content-check'
import { createContentGate } from '../farmer-listings/content-gate'
import { ownedMediaKeys } from '../uploads/upload-repository'
import { createInviteRepository } from './invite-repository'
import { inviteRoutes } from './invite-routes'
import { createInviteService } from './invite-service'

export async function registerInvites(ctx: ModuleContext): Promise<void> {
  const gate = createContentGate({ db: ctx.db, contentCheck: createContentCheck(ctx.accessTokens), log: ctx.app.log })
  const invites = createInviteService({
    repo: createInviteRepository(ctx.db),
    gate,
    ownedMediaKeys: (userId, keys) => ownedMediaKeys(ctx.db, userId, keys),
    clock: ctx.clock,
  })
  await ctx.app.register(inviteRoutes, { auth: ctx.auth, invites })
}
