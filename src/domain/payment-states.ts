/**
 * Payment and refund states (WeChat Pay): a payment is open until WeChat says it is paid or it is
 * closed; a refund is processing until it succeeds or fails.
 */

export const PAYMENT_STATUSES = ['open', 'paid', 'closed'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const REFUND_STATUSES = ['processing', 'succeeded', 'failed'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]
