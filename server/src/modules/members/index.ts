/** The members module: the cooperative's farmers, their flags, and the commission. */
import type { ModuleContext } from '../../module-context'
import { memberRoutes } from './member-routes'
import { createMemberService } from './member-service'

export async function registerMembers(ctx: ModuleContext): Promise<void> {
  await ctx.app.register(memberRoutes, { auth: ctx.auth, members: createMemberService({ db: ctx.db, clock: ctx.clock }) })
}
