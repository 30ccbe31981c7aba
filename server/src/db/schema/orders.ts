/** Orders' tables: checkouts, orders, their lines and events. Written only by modules/orders. */
import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { ORDER_STATUSES } from '@domain/order-states'
import { createdAt, id } from './columns'
import { users } from './auth'
import { productSpecs, products, unitEnum } from './farmer-listings'
import { farmers } from './members'

export const orderStatusEnum = pgEnum('order_status', ORDER_STATUSES)

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
    /** What the farmer packed for the whole line, in grams (catch-weight); null: as ordered. */
    packedWeightG: integer('packed_weight_g'),
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
    /**
     * A step that is not a status change (an after-sale claim's step, a refund's outcome): the
     * status stays (from = to) and this names the step, e.g. `claim.opened`, `refund.succeeded`.
     */
    event: text('event'),
    createdAt: createdAt(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
)
