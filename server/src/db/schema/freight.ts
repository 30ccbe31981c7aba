/** Freight's tables: shipping-fee templates (运费模板) and their province zones. Written only by modules/freight. */
import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { FREIGHT_BASES } from '@domain/freight'
import { createdAt, id } from './columns'
import { cooperatives } from './cooperatives'
import { farmers } from './members'

export const freightBasisEnum = pgEnum('freight_basis', FREIGHT_BASES)

/**
 * A cooperative's default template (farmer_id null) or one farmer's own, which overrides it.
 * Fees by zone; orders from `free_from_fen` (items total) ship free; `not_served` provinces are refused.
 */
export const freightTemplates = pgTable(
  'freight_templates',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    farmerId: bigint('farmer_id', { mode: 'number' }).references(() => farmers.id),
    name: text('name').notNull(),
    /** `weight`: first/step in grams of the parcel; `piece`: first/step in pieces (箱). */
    basis: freightBasisEnum('basis').notNull(),
    freeFromFen: integer('free_from_fen'),
    /** Provinces a parcel cannot reach (perishables), by their full name (e.g. 西藏自治区). */
    notServed: text('not_served').array().notNull().default(sql`'{}'::text[]`),
    /** 发货地 shown on the product page, e.g. 贵州省毕节市威宁县. */
    shipsFrom: text('ships_from').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('freight_templates_coop_default_uq').on(t.cooperativeId).where(sql`${t.farmerId} is null`),
    uniqueIndex('freight_templates_farmer_uq').on(t.farmerId).where(sql`${t.farmerId} is not null`),
    check('freight_templates_free_from', sql`${t.freeFromFen} is null or ${t.freeFromFen} >= 0`),
  ],
)

/**
 * One group of provinces of a template: the first `first_units` (grams or pieces) for
 * `first_fee_fen`, then each further `step_units` (or part of it) for `step_fee_fen`. A zone with
 * no provinces is the template's fallback for every province no other zone names.
 */
export const freightZones = pgTable(
  'freight_zones',
  {
    id: id(),
    templateId: bigint('template_id', { mode: 'number' }).notNull().references(() => freightTemplates.id, { onDelete: 'cascade' }),
    provinces: text('provinces').array().notNull().default(sql`'{}'::text[]`),
    firstUnits: integer('first_units').notNull(),
    firstFeeFen: integer('first_fee_fen').notNull(),
    stepUnits: integer('step_units').notNull(),
    stepFeeFen: integer('step_fee_fen').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('freight_zones_template_idx').on(t.templateId, t.sortOrder),
    check('freight_zones_units', sql`${t.firstUnits} > 0 and ${t.stepUnits} > 0 and ${t.firstFeeFen} >= 0 and ${t.stepFeeFen} >= 0`),
  ],
)
