/**
 * Order payments: where orders and money meet (pay, the payment notice, cancel, expiry, closing
 * a prepay). Owns no table: it calls orders and payments, in the lock order of lock-order.ts.
 */
import type { ModuleContext } from '../../module-context'
import type { OrderService } from '../orders'
import type { PaymentService } from '../payments'
import { orderPaymentsRoutes } from './order-payments-routes'
import { createOrderPaymentsService } from './order-payments-service'

/** Mounts pay, sync, cancel and the payment notice; registers the expiry and close-prepay jobs. */
export async function registerOrderPayments(ctx: ModuleContext, deps: { orders: OrderService; payments: PaymentService }): Promise<void> {
  const orderPayments = createOrderPaymentsService({ db: ctx.db, clock: ctx.clock, ...deps })
  Object.assign(ctx.jobHandlers, orderPayments.jobs)
  await ctx.app.register(orderPaymentsRoutes, { auth: ctx.auth, orderPayments })
}
