/**
 * Payments: WeChat Pay payments and refunds (this module is the only writer of `payments` and
 * `refunds`). It knows orders only as ids, numbers and amounts; order-payments tells it what to
 * do. Others may read: payments (id, checkout_id, order_ids, amount_fen, status, paid_at) and
 * refunds (payment_id, order_id, amount_fen, status, succeeded_at).
 */
export { createPaymentService, PAYMENT_NOTIFY_PATH, type PaidTransaction, type PaymentService } from './payment-service'
export { createRefundService, type RefundService } from './refund-service'
export { refundNotifyRoutes } from './payment-routes'
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
