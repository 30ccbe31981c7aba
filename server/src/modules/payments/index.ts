/**
 * Payments: WeChat Pay payments and refunds (this module is the only writer of `payments` and
 * `refunds`). It knows orders only as ids, numbers and amounts; order-payments tells it what to
 * do. Others may read: payments (id, checkout_id, order_ids, amount_fen, status, paid_at) and
 * refunds (payment_id, order_id, amount_fen, status, succeeded_at, kind, borne_by; and id, reason,
 * decided_by, claim_id, submitted_at, settled_at, failure_reason, resolved_at, created_at).
 *
 * The refund ledger (refund-ledger.ts): `requestRefund` records a sale refund in the caller's
 * transaction (the caller holds the order's row lock), `returnPayment` gives back a payment that
 * was not a sale; the submit and query jobs (refund-service.ts) carry them out at WeChat Pay.
 */
import type { ModuleContext } from '../../module-context'
import { refundNotifyRoutes } from './payment-routes'
import { createPaymentService, type PaymentService } from './payment-service'
import { createRefundService } from './refund-service'

export { PaidMeanwhile, PAYMENT_NOTIFY_PATH, type PaidTransaction, type PaymentService } from './payment-service'
export { NotificationRefused, registerNotifyRoute } from './notify-route'
export {
  CLOSE_PAYMENT_JOB,
  closeOpenPayments,
  lockPayment,
  markPaymentPaid,
  paidPaymentOf,
  paymentFor,
  type PaymentRequest,
} from './payment-ledger'
export { refundableFen, refundsOfOrders, requestRefund, returnPayment, type RefundRequest, type ReturnKind } from './refund-ledger'
export { orderRefundsOf, refundsNeedingAttention, resolveRefund } from './refund-views'
export type { PaymentRow, RefundRow } from './payment-repository'
export { recordPastPayments, type PastPayment } from './payment-history'

/** Mounts the refund notice and registers the refund submit and query jobs; returns the WeChat Pay service order-payments drives. */
export async function registerPayments(ctx: ModuleContext): Promise<PaymentService> {
  const { db, clock, config, wechatPay } = ctx
  const refunds = createRefundService({ db, clock, pay: wechatPay.client, mchid: wechatPay.mchid, notifyBaseUrl: wechatPay.notifyBaseUrl })
  Object.assign(ctx.jobHandlers, refunds.jobs)
  await ctx.app.register(refundNotifyRoutes, { refunds })
  return createPaymentService({ db, clock, pay: wechatPay.client, appId: config.wechat.appId, mchid: wechatPay.mchid, notifyBaseUrl: wechatPay.notifyBaseUrl, sandboxCashierUrl: wechatPay.sandboxCashierUrl })
}
