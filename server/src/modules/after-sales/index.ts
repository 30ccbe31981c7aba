/**
 * After-sales: buyers' claims (售后) on their orders, the farmer's answers, the cooperative's
 * decisions, and the cooperative's view of refunds that need attention.
 *
 * Owns (the only writer of) `claims` and `claim_lines`. Other modules may read claims (id,
 * order_id, buyer_id, farmer_id, cooperative_id, status, reason, suggested_fen, settled_fen,
 * borne_by, created_at) and claim_lines (claim_id, order_item_id, measure, affected — grams when
 * measure is `g`, whole units when `unit`). A claim's refund is recorded through payments
 * (requestRefund, kind after_sale); its steps land on the order's timeline through orders
 * (recordOrderStep). Depends on orders, payments, uploads, members, auth.
 */
import type { ModuleContext } from '../../module-context'
import { ownedMediaKeys } from '../uploads'
import { claimRoutes } from './claim-routes'
import { createClaimService, type ClaimService } from './claim-service'
import { coopClaimRoutes } from './coop-claim-routes'
import { farmerClaimRoutes } from './farmer-claim-routes'

export { ESCALATE_CLAIM_JOB } from './claim-filing'
export type { ClaimService } from './claim-service'

/** Mounts the buyer's, the farmer's and the cooperative's claim routes and registers the escalation job. */
export async function registerAfterSales(ctx: ModuleContext): Promise<ClaimService> {
  const { app, db, clock, auth } = ctx
  const claims = createClaimService({ db, clock, ownedMediaKeys: (userId, keys) => ownedMediaKeys(db, userId, keys) })
  Object.assign(ctx.jobHandlers, claims.jobs)
  await app.register(claimRoutes, { auth, claims })
  await app.register(farmerClaimRoutes, { auth, claims })
  await app.register(coopClaimRoutes, { auth, claims, db, clock })
  return claims
}
