/** The cooperative side: weekly settlements with members, and the daily sales rollup reports read. */
import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { cooperatives, farmers, productSpecs, products, users } from './core'

export const settlementStatusEnum = pgEnum('settlement_status', ['draft', 'confirmed', 'paid'])

/** What the cooperative owes one farmer for one ISO week (Asia/Shanghai). Confirmed figures never change. */
export const settlements = pgTable(
  'settlements',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    farmerId: bigint('farmer_id', { mode: 'number' }).notNull().references(() => farmers.id),
    /** ISO week, e.g. 2026-W48. */
    week: text('week').notNull(),
    status: settlementStatusEnum('status').notNull().default('draft'),
    grossFen: integer('gross_fen').notNull().default(0),
    refundsFen: integer('refunds_fen').notNull().default(0),
    commissionFen: integer('commission_fen').notNull().default(0),
    shippingFen: integer('shipping_fen').notNull().default(0),
    /** Late refunds of weeks already confirmed, carried into this statement. */
    adjustmentsFen: integer('adjustments_fen').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
    commissionBps: integer('commission_bps').notNull().default(0),
    paymentRef: text('payment_ref'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: bigint('confirmed_by', { mode: 'number' }).references(() => users.id),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('settlements_farmer_week_uq').on(t.farmerId, t.week), index('settlements_coop_week_idx').on(t.cooperativeId, t.week)],
)

/**
 * Sales per day (China date) × spec × buyer province, maintained in the same transaction as the
 * payment or refund that changes them; weekly reports sum at most 7 days of rows.
 */
export const salesDaily = pgTable(
  'sales_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    farmerId: bigint('farmer_id', { mode: 'number' }).notNull().references(() => farmers.id),
    productId: bigint('product_id', { mode: 'number' }).notNull().references(() => products.id),
    specId: bigint('spec_id', { mode: 'number' }).notNull().references(() => productSpecs.id),
    buyerProvince: text('buyer_province').notNull(),
    orders: integer('orders').notNull().default(0),
    quantity: integer('quantity').notNull().default(0),
    weightG: bigint('weight_g', { mode: 'number' }).notNull().default(0),
    grossFen: bigint('gross_fen', { mode: 'number' }).notNull().default(0),
    shippingFen: bigint('shipping_fen', { mode: 'number' }).notNull().default(0),
    refundsFen: bigint('refunds_fen', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.cooperativeId, t.day, t.specId, t.buyerProvince] }),
    index('sales_daily_farmer_day_idx').on(t.farmerId, t.day),
    check('sales_daily_nonnegative', sql`${t.quantity} >= 0`),
  ],
)

/** Distinct buyers per cooperative and ISO week (a rollup cannot count distinct buyers by summing). */
export const weeklyBuyers = pgTable(
  'weekly_buyers',
  {
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    week: text('week').notNull(),
    buyerId: bigint('buyer_id', { mode: 'number' }).notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.cooperativeId, t.week, t.buyerId] })],
)
