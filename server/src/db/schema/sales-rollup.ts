/** The sales rollup: daily and weekly figures per cooperative. Written only by modules/sales-rollup. */
import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { productSpecs, products } from './farmer-listings'
import { cooperatives } from './cooperatives'
import { farmers } from './members'


const sums = () => ({
  orders: integer('orders').notNull().default(0),
  quantity: integer('quantity').notNull().default(0),
  weightG: bigint('weight_g', { mode: 'number' }).notNull().default(0),
  grossFen: bigint('gross_fen', { mode: 'number' }).notNull().default(0),
  shippingFen: bigint('shipping_fen', { mode: 'number' }).notNull().default(0),
  refundsFen: bigint('refunds_fen', { mode: 'number' }).notNull().default(0),
})

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

/**
 * Weekly rollups beside sales_daily, kept in the same transaction as the payment or refund
 * (sales-rollup module) and rebuilt from sales_daily: a week's report reads a few hundred rows
 * instead of every day × spec × province row (about 10,000 a week at a million orders).
 */
export const salesWeeklySpecs = pgTable(
  'sales_weekly_specs',
  {
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    /** ISO week in China, e.g. 2026-W48. */
    week: text('week').notNull(),
    specId: bigint('spec_id', { mode: 'number' }).notNull().references(() => productSpecs.id),
    productId: bigint('product_id', { mode: 'number' }).notNull().references(() => products.id),
    farmerId: bigint('farmer_id', { mode: 'number' }).notNull().references(() => farmers.id),
    ...sums(),
  },
  (t) => [primaryKey({ columns: [t.cooperativeId, t.week, t.specId] })],
)

export const salesWeeklyProvinces = pgTable(
  'sales_weekly_provinces',
  {
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    week: text('week').notNull(),
    buyerProvince: text('buyer_province').notNull(),
    ...sums(),
  },
  (t) => [primaryKey({ columns: [t.cooperativeId, t.week, t.buyerProvince] })],
)

/** Distinct buyers per cooperative and week, counted as weekly_buyers rows are first inserted; spread over shards (buyer id mod 8) so payments do not queue on one row. */
export const weeklyBuyerCounts = pgTable(
  'weekly_buyer_counts',
  {
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    week: text('week').notNull(),
    shard: integer('shard').notNull(),
    buyers: integer('buyers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.cooperativeId, t.week, t.shard] })],
)
