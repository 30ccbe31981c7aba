/**
 * The settlements module: weekly statements between the cooperative and each member.
 *
 * Owns (the only writer of) `settlements` and `settlement_refunds`. Other modules may read
 * settlements: farmer_id, cooperative_id, week, status, the figure columns (gross_fen …
 * net_fen), payment_ref, confirmed_at, paid_at; settlement_refunds: refund_id, settlement_id, kind.
 * Depends on members (farmers, coop-access), sales-rollup (which refunds are sale refunds) and
 * auth, and reads payments' refunds (order_id, amount_fen, status, succeeded_at, kind, borne_by);
 * coop-reports sits above it and receives its service (registerSettlements returns it), and reads
 * a week's refunds through `weekRefunds`, so the report and the statements count each refund in
 * the same week by the same rule (REFUND_WEEK_RULE in src/domain/settlement.ts). The households
 * module's registry report reads refunds over a month or a year through `refundsBetween`.
 */
import type { ModuleContext } from '../../module-context'
import { settlementRoutes } from './settlement-routes'
import { createSettlementService, type SettlementService } from './settlement-service'

export { createSettlementService, type SettlementService } from './settlement-service'
export { refundsBetween, weekRefunds, type WeekRefunds } from './week-refunds'
export type { SaleRefund } from './settlement-repository'

/** Mounts the statement routes; returns the service for the modules above (the reports' exports). */
export async function registerSettlements(ctx: ModuleContext): Promise<SettlementService> {
  const settlements = createSettlementService({ db: ctx.db, clock: ctx.clock })
  await ctx.app.register(settlementRoutes, { auth: ctx.auth, settlements })
  return settlements
}
