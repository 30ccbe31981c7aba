/** The settlements module: weekly statements between the cooperative and each member. */
import type { ModuleContext } from '../../module-context'
import { settlementRoutes } from './settlement-routes'
import { createSettlementService } from './settlement-service'

export async function registerSettlements(ctx: ModuleContext): Promise<void> {
  await ctx.app.register(settlementRoutes, { auth: ctx.auth, settlements: createSettlementService({ db: ctx.db, clock: ctx.clock }) })
}
