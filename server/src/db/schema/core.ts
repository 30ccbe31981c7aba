/** Identity and catalogue: users, roles, sessions, cooperatives, farmers, categories, products, specs. */
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'

export const roleEnum = pgEnum('user_role', ['buyer', 'farmer', 'coop_admin'])
export const productStatusEnum = pgEnum('product_status', ['on_sale', 'paused', 'sold_out'])
/** WeChat content check outcome: `pending_review` waits for the cooperative manager. */
export const reviewStatusEnum = pgEnum('review_status', ['approved', 'pending_review', 'rejected'])
export const unitEnum = pgEnum('spec_unit', ['斤', 'kg', '箱', '个'])

export const users = pgTable('users', {
  id: id(),
  openid: text('openid').notNull().unique(),
  unionid: text('unionid'),
  nickname: text('nickname').notNull().default(''),
  createdAt: createdAt(),
})

export const userRoles = pgTable(
  'user_roles',
  {
    userId: bigint('user_id', { mode: 'number' }).notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    /** For coop_admin: the cooperative they manage. */
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).references(() => cooperatives.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
)

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the opaque bearer token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const cooperatives = pgTable('cooperatives', {
  id: id(),
  name: text('name').notNull(),
  county: text('county').notNull(),
  province: text('province').notNull(),
  /** The cooperative's commission on its members' sales, in basis points (500 = 5%). */
  commissionBps: integer('commission_bps').notNull().default(0),
  createdAt: createdAt(),
})

export const farmers = pgTable(
  'farmers',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    userId: bigint('user_id', { mode: 'number' }).unique().references(() => users.id),
    name: text('name').notNull(),
    village: text('village').notNull(),
    story: text('story').notNull().default(''),
    photoUrl: text('photo_url'),
    isPoorHousehold: boolean('is_poor_household').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('farmers_cooperative_idx').on(t.cooperativeId)],
)

export const categories = pgTable('categories', {
  /** A stable slug such as `fruit`. */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
})

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

