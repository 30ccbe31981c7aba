/** Payments' tables: WeChat Pay payments and refunds. Written only by modules/payments. */
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { PAYMENT_STATUSES, REFUND_STATUSES } from '@domain/payment-states'
import { createdAt, id } from './columns'
import { checkouts, orders } from './orders'

export const paymentStatusEnum = pgEnum('payment_status', PAYMENT_STATUSES)

export const refundStatusEnum = pgEnum('refund_status', REFUND_STATUSES)

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
    status: paymentStatusEnum('status').notNull().default('open'),
    transactionId: text('transaction_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('payments_checkout_idx').on(t.checkoutId)],
)

export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    outRefundNo: text('out_refund_no').notNull().unique(),
    paymentId: bigint('payment_id', { mode: 'number' }).notNull().references(() => payments.id),
    orderId: bigint('order_id', { mode: 'number' }).notNull().references(() => orders.id),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    status: refundStatusEnum('status').notNull().default('processing'),
    refundId: text('refund_id'),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('refunds_payment_order_uq').on(t.paymentId, t.orderId), index('refunds_order_idx').on(t.orderId), index('refunds_succeeded_idx').on(t.succeededAt)],
)
