/**
 * Orders: checkouts, orders, their lines and events (this module is their only writer).
 * Placement and the buyer's reads, shipping fees priced by each farmer's freight template (read
 * through modules/freight, `templatesForFarmers`); the order lifecycle on rows a caller has locked; the
 * auto-confirm job. Money is not done here: order-payments carries out what orders decide.
 * Others may read: orders (id, order_no, checkout_id, buyer_id, farmer_id, status, *_fen,
 * address, paid_at, shipped_at, received_at, refunded_at, cancelled_at), order_items (all
 * columns) and checkouts (id, checkout_no, buyer_id, expires_at).
 */
import type { ModuleContext } from '../../module-context'
import type { RefundLookup } from './order-mapper'
import { orderRoutes } from './order-routes'
import { createOrderService, type OrderService } from './order-service'
import { createPlacementService } from './placement-service'

export type { OrderService } from './order-service'
export { EXPIRE_CHECKOUT_JOB } from './placement-service'
export { cancelByBuyer, expireOrders, payOrders, releaseStockOf, scheduleAutoConfirm, type CancelOutcome } from './order-lifecycle'
export { applyTransition, recordOrderStep, type OrderStep } from './order-transitions'
export { toCheckout, itemDto, type RefundLookup } from './order-mapper'
export { newCheckoutNo, orderNo } from './order-numbers'
export { findCheckout, findOrder, itemsOf, lockCheckout, ordersByIds, ordersOfCheckout, type CheckoutRow, type OrderItemRow, type OrderRow } from './order-repository'
export { hasPastOrders, recordPastOrders, type PastOrder, type RecordedOrder } from './order-history'
export { setPackedWeights, type PackedWeightInput } from './order-repository'

/** Mounts preview, placement and the buyer's order reads; registers the auto-confirm job; returns the buyer's order service. */
export async function registerOrders(ctx: ModuleContext, deps: { refundsOf: RefundLookup }): Promise<OrderService> {
  const placement = createPlacementService({ db: ctx.db, clock: ctx.clock, payWindowMinutes: ctx.config.payWindowMinutes })
  const orders = createOrderService({ db: ctx.db, clock: ctx.clock, refundsOf: deps.refundsOf })
  Object.assign(ctx.jobHandlers, orders.jobs)
  await ctx.app.register(orderRoutes, { auth: ctx.auth, placement, orders })
  return orders
}
