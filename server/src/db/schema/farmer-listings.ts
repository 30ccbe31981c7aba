/** Farmer-listings' tables: products and their specs (a spec's stock is written only by modules/stock). */
import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { UNITS } from '@domain/units'
import { PRODUCT_STATUSES, REVIEW_STATUSES } from '@domain/products'
import { createdAt, id } from './columns'
import { categories } from './catalog'
import { farmers } from './members'

export const productStatusEnum = pgEnum('product_status', PRODUCT_STATUSES)

/** WeChat content check outcome: `pending_review` waits for the cooperative manager. */
export const reviewStatusEnum = pgEnum('review_status', REVIEW_STATUSES)

export const unitEnum = pgEnum('spec_unit', UNITS)

export const products = pgTable(
  'products',
  {
    id: id(),
    farmerId: bigint('farmer_id', { mode: 'number' }).notNull().references(() => farmers.id),
    categoryId: text('category_id').notNull().references(() => categories.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    origin: text('origin').notNull(),
    /** Ordered photo paths served by the API (first is the cover). */
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    harvestStart: date('harvest_start', { mode: 'string' }).notNull(),
    harvestEnd: date('harvest_end', { mode: 'string' }).notNull(),
    /** Pre-sale: orders placed before this date ship from it. */
    shipsFrom: date('ships_from', { mode: 'string' }),
    status: productStatusEnum('status').notNull().default('on_sale'),
    reviewStatus: reviewStatusEnum('review_status').notNull().default('approved'),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('products_farmer_idx').on(t.farmerId, t.id),
    index('products_category_idx').on(t.categoryId, t.id),
    index('products_status_idx').on(t.status, t.id),
    check('products_harvest_window', sql`${t.harvestEnd} >= ${t.harvestStart}`),
  ],
)

export const productSpecs = pgTable(
  'product_specs',
  {
    id: id(),
    productId: bigint('product_id', { mode: 'number' }).notNull().references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    priceFen: integer('price_fen').notNull(),
    unit: unitEnum('unit').notNull(),
    netWeightG: integer('net_weight_g').notNull(),
    /** The parcel's weight for freight, packaging included (grams); null: the net weight. */
    parcelWeightG: integer('parcel_weight_g'),
    stock: integer('stock').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('product_specs_product_idx').on(t.productId),
    uniqueIndex('product_specs_product_name_uq').on(t.productId, t.name),
    check('product_specs_price_positive', sql`${t.priceFen} > 0`),
    check('product_specs_weight_positive', sql`${t.netWeightG} > 0`),
    check('product_specs_stock_nonnegative', sql`${t.stock} >= 0`),
  ],
)
