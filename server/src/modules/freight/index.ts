/**
 * Freight: shipping-fee templates (运费模板) — a cooperative's default and farmers' own
 * overrides — by zones of provinces, with a free-from amount and provinces not served. The fee
 * rules themselves are pure, in src/domain/freight.ts (`freightFee`).
 *
 * Owns (the only writer of) `freight_templates` and `freight_zones`; templates are written
 * through `saveTemplate` (checked, in the caller's transaction) or `setFlatFreight` (a farmer's
 * flat fee as a one-zone template). Others read a farmer's effective template only through
 * `templatesForFarmers` (orders prices a cart with it, catalog shows 发货地 and 不发货地区).
 * Depends on members (managers' access, a farmer's row) and auth.
 */
import type { ModuleContext } from '../../module-context'
import { freightRoutes } from './freight-routes'
import { createFreightService } from './freight-service'

export { templatesForFarmers, templateOf, type TemplateOwner } from './freight-repository'
export { checkTemplate, flatTemplate, saveTemplate, setFlatFreight, type FlatFreight } from './freight-writes'
export type { FreightService } from './freight-service'

/** Mounts the manager's and the farmer's freight-template routes. */
export async function registerFreight(ctx: ModuleContext): Promise<void> {
  await ctx.app.register(freightRoutes, { auth: ctx.auth, freight: createFreightService({ db: ctx.db, clock: ctx.clock }) })
}
