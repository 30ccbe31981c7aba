/**
 * Payments: WeChat Pay payments and refunds (this module is the only writer of `payments` and
 * `refunds`). It knows orders only as ids, numbers and amounts; order-payments tells it what to
 * do. Others may read: payments (id, checkout_id, order_ids, amount_fen, status, paid_at) and
 * refunds (payment_id, order_id, amount_fen, status, succeeded_at).
 */
import type { ModuleContext } from '../../module-context'
import { refundNotifyRoutes } from './payment-routes'
import { createPaymentService, type PaymentService } from './payment-service'
import { createRefundService } from './refund-service'

export { PAYMENT_NOTIFY_PATH, type PaidTransaction, type PaymentService } from './payment-service'
export { NotificationRefused, registerNotifyRoute } from './notify-route'
export {
  CLOSE_PAYMENT_JOB,
  closeOpenPayments,
  latestRefundOf,
  lockPayment,
  markPaymentPaid,
  paidPaymentOf,
  paymentFor,
  refundPaidOrder,
  requestRefund,
  type PaymentRequest,
  type RefundableOrder,
} from './payment-ledger'
export type { PaymentRow } from './payment-repository'
export { recordPastPayments, type PastPayment } from './payment-history'

/** Mounts the refund notice and registers the refund job; returns the WeChat Pay service order-payments drives. */
export async function registerPayments(ctx: ModuleContext): Promise<PaymentService> {
  const { db, clock, config, wechatPay } = ctx
  const refunds = createRefundService({ db, clock, pay: wechatPay.client, mchid: wechatPay.mchid, notifyBaseUrl: wechatPay.notifyBaseUrl })
  Object.assign(ctx.jobHandlers, refunds.jobs)
  await ctx.app.register(refundNotifyRoutes, { refunds })
  return createPaymentService({ db, clock, pay: wechatPay.client, appId: config.wechat.appId, mchid: wechatPay.mchid, notifyBaseUrl: wechatPay.notifyBaseUrl, sandboxCashierUrl: wechatPay.sandboxCashierUrl })
}
