/**
 * Order payments: where orders and money meet (pay, the payment notice, cancel, expiry, closing
 * a prepay). Owns no table: it calls orders and payments, in the lock order of lock-order.ts.
 */
export { createOrderPaymentsService, type OrderPaymentsService } from './order-payments-service'
export { orderPaymentsRoutes } from './order-payments-routes'
