/**
 * The members module: the cooperative's farmers, their flags, and the commission; who may see a
 * cooperative's figures (coop-access); the cooperative's settings (service phone, coop-settings).
 *
 * Owns (the only writer of) `farmers` and `cooperatives`; a farmer row is created through
 * `insertFarmer` (invites, in its own transaction), the demo store's rows through
 * `insertCooperatives` and `insertFarmers`. Other modules may read:
 *   farmers: id, cooperative_id, user_id, name, village, story, photo_url, is_poor_household, active
 *   cooperatives: id, name, county, province, commission_bps, service_phone
 * Depends on sales-rollup (this week's figures) and auth (the signed-in manager); nothing above it.
 */
import type { ModuleContext } from '../../module-context'
import { memberRoutes } from './member-routes'
import { coopSettingsRoutes } from './coop-settings-routes'
import { createMemberService } from './member-service'

export { coopInfo, ownFarmer, requireCoopAdmin, weekOrCurrent, type CoopAdmin } from './coop-access'
export { farmerOfUser, farmersOf, type FarmerName } from './member-repository'
export { cooperativeOfFarmer, type FarmerCooperative } from './coop-settings'
export { insertCooperatives, insertFarmer, insertFarmers, type NewCooperative, type NewFarmer } from './member-inserts'

export async function registerMembers(ctx: ModuleContext): Promise<void> {
  await ctx.app.register(memberRoutes, { auth: ctx.auth, members: createMemberService({ db: ctx.db, clock: ctx.clock }) })
  await ctx.app.register(coopSettingsRoutes, { auth: ctx.auth, db: ctx.db })
}
