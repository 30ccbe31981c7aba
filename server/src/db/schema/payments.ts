/** Payments' tables: WeChat Pay payments and refunds. Written only by modules/payments. */
import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { PAYMENT_STATUSES, REFUND_BEARERS, REFUND_KINDS, REFUND_STATUSES } from '@domain/payment-states'
import { createdAt, id } from './columns'
import { users } from './auth'
import { claims } from './after-sales'
import { checkouts, orders } from './orders'

export const paymentStatusEnum = pgEnum('payment_status', PAYMENT_STATUSES)

export const refundStatusEnum = pgEnum('refund_status', REFUND_STATUSES)

export const refundKindEnum = pgEnum('refund_kind', REFUND_KINDS)

export const refundBearerEnum = pgEnum('refund_bearer', REFUND_BEARERS)

/** One WeChat Pay prepay (out_trade_no) for the orders of a checkout still unpaid when it was made. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    outTradeNo: text('out_trade_no').notNull().unique(),
    checkoutId: bigint('checkout_id', { mode: 'number' }).notNull().references(() => checkouts.id),
    orderIds: bigint('order_ids', { mode: 'number' }).array().notNull(),
    amountFen: integer('amount_fen').notNull(),
    payerOpenid: text('payer_openid').notNull(),
    prepayId: text('prepay_id'),
    /** When WeChat handed out prepay_id (it lives 2 hours; renewed with the same parameters after). */
    prepayAt: timestamp('prepay_at', { withTimezone: true }),
    status: paymentStatusEnum('status').notNull().default('open'),
    transactionId: text('transaction_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('payments_checkout_idx').on(t.checkoutId)],
)

/**
 * The refund ledger: every refund of an order, each with its own stable out_refund_no (a retry
 * of the same refund reuses it). What an order's refunds hold (processing, succeeded, abnormal)
 * never exceeds what was paid for it: checked with the order and its payment locked.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    outRefundNo: text('out_refund_no').notNull().unique(),
    paymentId: bigint('payment_id', { mode: 'number' }).notNull().references(() => payments.id),
    orderId: bigint('order_id', { mode: 'number' }).notNull().references(() => orders.id),
    kind: refundKindEnum('kind').notNull(),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    /** Who bears a sale refund: the farmer's statement or the cooperative. */
    borneBy: refundBearerEnum('borne_by').notNull().default('farmer'),
    /** The user who decided it (buyer cancelling, farmer, manager); null when the system did. */
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => users.id),
    /** The after-sale claim it settles (kind after_sale). */
    claimId: bigint('claim_id', { mode: 'number' }).references(() => claims.id),
    status: refundStatusEnum('status').notNull().default('processing'),
    refundId: text('refund_id'),
    /** When it was (first) sent to WeChat Pay; refunds of one payment are spaced from this. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    /** When it became closed, abnormal or failed. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /** WeChat's code and message of a permanent refusal (failed), or of an abnormal refund. */
    failureReason: text('failure_reason'),
    /** An abnormal or failed refund the cooperative has dealt with outside WeChat Pay's API. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: bigint('resolved_by', { mode: 'number' }).references(() => users.id),
    resolvedNote: text('resolved_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('refunds_order_idx').on(t.orderId),
    index('refunds_payment_idx').on(t.paymentId, t.id),
    index('refunds_succeeded_idx').on(t.succeededAt),
    index('refunds_attention_idx').on(t.status, t.resolvedAt),
    // One whole-order cancel refund, one weight adjustment, one refund per claim, and one return
    // per (payment, order) of a payment that was not a sale: retries cannot make a second one.
    uniqueIndex('refunds_cancel_uq').on(t.orderId).where(sql`${t.kind} = 'buyer_cancel'`),
    uniqueIndex('refunds_weight_uq').on(t.orderId).where(sql`${t.kind} = 'weight_adjustment'`),
    uniqueIndex('refunds_claim_uq').on(t.claimId).where(sql`${t.claimId} is not null`),
    uniqueIndex('refunds_returned_payment_uq').on(t.paymentId, t.orderId).where(sql`${t.kind} in ('late_payment', 'duplicate_payment')`),
    check('refunds_amount_positive', sql`${t.amountFen} > 0`),
  ],
)
