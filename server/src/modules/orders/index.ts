/**
 * Orders: checkouts, orders, their lines and events, and each farmer's shipping rule
 * (farmer_shipping, set through `setFarmerShipping`; this module is their only writer).
 * Placement and the buyer's reads; the order lifecycle on rows a caller has locked; the
 * auto-confirm job. Money is not done here: order-payments carries out what orders decide.
 * Others may read: orders (id, order_no, checkout_id, buyer_id, farmer_id, status, *_fen,
 * address, paid_at, shipped_at, received_at, refunded_at, cancelled_at), order_items (all
 * columns) and checkouts (id, checkout_no, buyer_id, expires_at).
 */
export { createOrderService, type OrderService } from './order-service'
export { createPlacementService, EXPIRE_CHECKOUT_JOB, type PlacementService } from './placement-service'
export { orderRoutes } from './order-routes'
export { cancelByBuyer, expireOrders, payOrders, releaseStockOf, scheduleAutoConfirm, type CancelOutcome } from './order-lifecycle'
export { applyTransition } from './order-transitions'
export { toCheckout, itemDto, type RefundLookup } from './order-mapper'
export { newCheckoutNo, orderNo } from './order-numbers'
export { findCheckout, findOrder, itemsOf, lockCheckout, ordersByIds, ordersOfCheckout, type CheckoutRow, type OrderItemRow, type OrderRow } from './order-repository'
export { hasPastOrders, recordPastOrders, type PastOrder, type RecordedOrder } from './order-history'
export { setFarmerShipping, type FarmerShippingRule } from './farmer-shipping'
