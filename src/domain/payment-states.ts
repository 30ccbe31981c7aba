/**
 * Payment and refund states (WeChat Pay). A payment is open until WeChat says it is paid or it
 * is closed. A refund is one entry of an order's refund ledger:
 *
 *   processing → succeeded | closed | abnormal | failed
 *   abnormal   → succeeded | closed            (WeChat may still report success after a manual fix)
 *
 * - succeeded: WeChat paid the buyer back (notice or query said SUCCESS).
 * - closed:    WeChat closed it without paying (CLOSED): nothing went back, the amount is free again.
 * - abnormal:  WeChat could not pay it back (ABNORMAL, e.g. the buyer's card was cancelled): it stays
 *              open, listed for the cooperative (refund through WeChat's merchant platform or an
 *              offline transfer), may be marked resolved with a note, and still takes a later SUCCESS.
 * - failed:    WeChat refused it for good when we asked (a permanent error): never retried silently.
 */

export const PAYMENT_STATUSES = ['open', 'paid', 'closed'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const REFUND_STATUSES = ['processing', 'succeeded', 'closed', 'abnormal', 'failed'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

/** What WeChat reports of a refund (create answer, notice or query). */
export type WechatRefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL'

const SETTLES: Record<RefundStatus, Partial<Record<WechatRefundStatus, RefundStatus>>> = {
  processing: { SUCCESS: 'succeeded', CLOSED: 'closed', ABNORMAL: 'abnormal' },
  abnormal: { SUCCESS: 'succeeded', CLOSED: 'closed' },
  succeeded: {},
  closed: {},
  failed: {},
}

/** The status after WeChat reports `reported`, or null when nothing changes. */
export function refundStatusAfter(status: RefundStatus, reported: WechatRefundStatus): RefundStatus | null {
  return SETTLES[status][reported] ?? null
}

/** Statuses whose amount is spoken for: it went back, may still go back, or is being sorted out. */
export const REFUND_HOLDS_AMOUNT: readonly RefundStatus[] = ['processing', 'succeeded', 'abnormal']

/** Statuses WeChat may still change: the query job keeps asking about these. */
export const REFUND_UNSETTLED: readonly RefundStatus[] = ['processing', 'abnormal']

/**
 * Why money goes back:
 * - buyer_cancel:      the buyer cancelled a paid order before it shipped (the whole order).
 * - after_sale:        an after-sale claim (售后) was settled with this amount.
 * - weight_adjustment: the farmer packed less than ordered (catch-weight).
 * - late_payment:      a payment reached us after its order was cancelled.
 * - duplicate_payment: a second payment for an order another payment had already paid.
 * The first three take money back from a sale; the last two return money that never was one.
 */
export const REFUND_KINDS = ['buyer_cancel', 'after_sale', 'weight_adjustment', 'late_payment', 'duplicate_payment'] as const
export type RefundKind = (typeof REFUND_KINDS)[number]

export const SALE_REFUND_KINDS = ['buyer_cancel', 'after_sale', 'weight_adjustment'] as const satisfies readonly RefundKind[]

export const isSaleRefund = (kind: RefundKind): boolean => (SALE_REFUND_KINDS as readonly RefundKind[]).includes(kind)

/** Who a sale refund is taken from: the farmer's statement, or the cooperative (its own cost). */
export const REFUND_BEARERS = ['farmer', 'cooperative'] as const
export type RefundBearer = (typeof REFUND_BEARERS)[number]

export const REFUND_KIND_LABELS: Record<RefundKind, string> = {
  buyer_cancel: '取消退款',
  after_sale: '售后退款',
  weight_adjustment: '少斤退款',
  late_payment: '迟到付款退回',
  duplicate_payment: '重复付款退回',
}

export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  processing: '退款中',
  succeeded: '已退款',
  closed: '退款关闭',
  abnormal: '退款异常',
  failed: '退款失败',
}

/** WeChat's rules for refunds of one payment. */
export const REFUND_RULES = {
  /** At most this many refunds of one payment. */
  maxPerPayment: 50,
  /** Refunds of one payment are sent at least this far apart. */
  spacingMs: 60_000,
  /** No refund later than this after the payment. */
  windowMs: 365 * 24 * 3600_000,
  /** First query after sending, then backing off (see refundQueryDelayMs). */
  firstQueryMs: 60_000,
} as const

/**
 * When to ask WeChat again about an unsettled refund, after `queries` queries already made:
 * 1 min, 2, 5, 15, 30 min, 1 h, 2 h, 6 h, then every 12 h. null after 14 days of asking
 * (an abnormal refund by then is the cooperative's to sort out, and it is listed for them).
 */
export function refundQueryDelayMs(queries: number): number | null {
  const steps = [1, 2, 5, 15, 30, 60, 120, 360].map((m) => m * 60_000)
  if (queries < steps.length) return steps[queries]
  const spent = steps.reduce((a, b) => a + b, 0) + (queries - steps.length) * 12 * 3600_000
  return spent >= 14 * 24 * 3600_000 ? null : 12 * 3600_000
}
