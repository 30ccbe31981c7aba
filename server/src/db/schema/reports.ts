/** The cooperative side's own tables: which refunds each confirmed statement took in; weekly sales rollups. */
import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { cooperatives, farmers, productSpecs, products } from './core'
import { refunds } from './ordering'
import { settlements } from './cooperative'

/**
 * Written when a statement is confirmed: every succeeded refund of the week's orders (`refund`),
 * and every late refund carried into it (`adjustment`, a refund that succeeded after its own
 * week was confirmed). A refund appears here at most once, so it is never counted twice.
 */
export const settlementRefunds = pgTable(
  'settlement_refunds',
  {
    refundId: bigint('refund_id', { mode: 'number' }).primaryKey().references(() => refunds.id),
    settlementId: bigint('settlement_id', { mode: 'number' }).notNull().references(() => settlements.id),
    farmerId: bigint('farmer_id', { mode: 'number' }).notNull().references(() => farmers.id),
    kind: text('kind').$type<'refund' | 'adjustment'>().notNull(),
    goodsFen: integer('goods_fen').notNull(),
    shippingFen: integer('shipping_fen').notNull(),
    /** What it changed in the statement's adjustments (0 for `refund`, negative for `adjustment`). */
    adjustmentFen: integer('adjustment_fen').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('settlement_refunds_settlement_idx').on(t.settlementId), check('settlement_refunds_kind', sql`${t.kind} in ('refund', 'adjustment')`)],
)

const sums = () => ({
  orders: integer('orders').notNull().default(0),
  quantity: integer('quantity').notNull().default(0),
  weightG: bigint('weight_g', { mode: 'number' }).notNull().default(0),
  grossFen: bigint('gross_fen', { mode: 'number' }).notNull().default(0),
  shippingFen: bigint('shipping_fen', { mode: 'number' }).notNull().default(0),
  refundsFen: bigint('refunds_fen', { mode: 'number' }).notNull().default(0),
})

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
