/** Ordering and payment: addresses, checkouts, orders, items, events, payments, refunds, jobs, consents. */
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { farmers, productSpecs, products, unitEnum, users } from './core'

export const orderStatusEnum = pgEnum('order_status', ['pending_payment', 'paid', 'shipped', 'received', 'cancelled', 'refunded'])
export const paymentStatusEnum = pgEnum('payment_status', ['open', 'paid', 'closed'])
export const refundStatusEnum = pgEnum('refund_status', ['processing', 'succeeded', 'failed'])

/** Each farmer's flat shipping fee per order, free from a threshold (fen). */
export const farmerShipping = pgTable('farmer_shipping', {
  farmerId: bigint('farmer_id', { mode: 'number' }).primaryKey().references(() => farmers.id),
  feeFen: integer('fee_fen').notNull().default(0),
  freeFromFen: integer('free_from_fen'),
})

export const addresses = pgTable(
  'addresses',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' }).notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    district: text('district').notNull(),
    detail: text('detail').notNull(),
    postalCode: text('postal_code'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('addresses_user_idx').on(t.userId, t.id)],
)

/** One placement of a cart: the orders (one per farmer) paid together. */
export const checkouts = pgTable(
  'checkouts',
  {
    id: id(),
    checkoutNo: text('checkout_no').notNull().unique(),
    buyerId: bigint('buyer_id', { mode: 'number' }).notNull().references(() => users.id),
    idempotencyKey: text('idempotency_key').notNull(),
    /** sha256 of the canonical request body, to refuse the same key with another body. */
    requestHash: text('request_hash').notNull(),
    totalFen: integer('total_fen').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('checkouts_buyer_key_uq').on(t.buyerId, t.idempotencyKey)],
)

export const orders = pgTable(
  'orders',
  {
    id: id(),
    orderNo: text('order_no').notNull().unique(),
    checkoutId: bigint('checkout_id', { mode: 'number' }).notNull().references(() => checkouts.id),
    buyerId: bigint('buyer_id', { mode: 'number' }).notNull().references(() => users.id),
    farmerId: bigint('farmer_id', { mode: 'number' }).notNull().references(() => farmers.id),
    status: orderStatusEnum('status').notNull().default('pending_payment'),
    itemsFen: integer('items_fen').notNull(),
    shippingFen: integer('shipping_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    /** Snapshot of the delivery address at placement. */
    address: jsonb('address').$type<AddressSnapshot>().notNull(),
    note: text('note').notNull().default(''),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orders_buyer_idx').on(t.buyerId, t.id),
    index('orders_farmer_status_idx').on(t.farmerId, t.status, t.id),
    index('orders_checkout_idx').on(t.checkoutId),
    index('orders_status_expires_idx').on(t.status, t.expiresAt),
    index('orders_paid_at_idx').on(t.paidAt),
    check('orders_total', sql`${t.totalFen} = ${t.itemsFen} + ${t.shippingFen}`),
  ],
)

export interface AddressSnapshot {
  name: string
  phone: string
  province: string
  city: string
  district: string
  detail: string
  postalCode?: string
}

export const orderItems = pgTable(
  'order_items',
  {
    id: id(),
    orderId: bigint('order_id', { mode: 'number' }).notNull().references(() => orders.id),
    productId: bigint('product_id', { mode: 'number' }).notNull().references(() => products.id),
    specId: bigint('spec_id', { mode: 'number' }).notNull().references(() => productSpecs.id),
    title: text('title').notNull(),
    specName: text('spec_name').notNull(),
    unit: unitEnum('unit').notNull(),
    netWeightG: integer('net_weight_g').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalFen: integer('line_total_fen').notNull(),
  },
  (t) => [index('order_items_order_idx').on(t.orderId), index('order_items_spec_idx').on(t.specId)],
)

/** Every status change of an order: who, when, from, to, why. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: id(),
    orderId: bigint('order_id', { mode: 'number' }).notNull().references(() => orders.id),
    fromStatus: orderStatusEnum('from_status'),
    toStatus: orderStatusEnum('to_status').notNull(),
    actor: text('actor').notNull(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }).references(() => users.id),
    reason: text('reason').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
)

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

/** Notifications already processed (WeChat retries for 24 h; a replay is a no-op). */
export const paymentNotifications = pgTable('payment_notifications', {
  notificationId: text('notification_id').primaryKey(),
  eventType: text('event_type').notNull(),
  receivedAt: createdAt(),
})

/** Durable background jobs: expiry, auto-confirm, WeChat calls that must eventually happen. */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    /** At most one pending job per key (e.g. `expire:checkout:12`). */
    dedupeKey: text('dedupe_key').notNull().unique(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('jobs_due_idx').on(t.runAt).where(sql`${t.doneAt} is null`)],
)

/** One-time subscribe-message consents (each accept allows one message). */
export const subscribeConsents = pgTable(
  'subscribe_consents',
  {
    userId: bigint('user_id', { mode: 'number' }).notNull().references(() => users.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    remaining: integer('remaining').notNull().default(0),
    lastAnswer: text('last_answer').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.templateId] }), check('subscribe_consents_nonnegative', sql`${t.remaining} >= 0`)],
)
