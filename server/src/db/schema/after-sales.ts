/** After-sales' tables: buyers' claims (售后) and the order lines they cover. Written only by modules/after-sales. */
import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { CLAIM_REASONS, CLAIM_STATUSES, type ClaimMeasure } from '@domain/claim-states'
import { REFUND_BEARERS } from '@domain/payment-states'
import { createdAt, id } from './columns'
import { users } from './auth'
import { cooperatives } from './cooperatives'
import { farmers } from './members'
import { orderItems, orders } from './orders'

export const claimStatusEnum = pgEnum('claim_status', CLAIM_STATUSES)

export const claimReasonEnum = pgEnum('claim_reason', CLAIM_REASONS)

export const claimBearerEnum = pgEnum('claim_bearer', REFUND_BEARERS)

/** A buyer's after-sale claim on one order: why, photos, and the amount as it was settled. */
export const claims = pgTable(
  'claims',
  {
    id: id(),
    orderId: bigint('order_id', { mode: 'number' }).notNull().references(() => orders.id),
    buyerId: bigint('buyer_id', { mode: 'number' }).notNull().references(() => users.id),
    farmerId: bigint('farmer_id', { mode: 'number' }).notNull().references(() => farmers.id),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    idempotencyKey: text('idempotency_key').notNull(),
    status: claimStatusEnum('status').notNull().default('open'),
    reason: claimReasonEnum('reason').notNull(),
    note: text('note').notNull().default(''),
    /** Photo paths served by the API (uploads), at most 6. */
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    /** What the server suggested: the affected share of what the buyer paid, capped by what is left. */
    suggestedFen: integer('suggested_fen').notNull(),
    /** The farmer's offer (offered), and their note when offering or contesting. */
    offeredFen: integer('offered_fen'),
    farmerNote: text('farmer_note'),
    /** The amount finally refunded (accepted or decided; 0 when the cooperative refused). */
    settledFen: integer('settled_fen'),
    borneBy: claimBearerEnum('borne_by'),
    managerNote: text('manager_note'),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => users.id),
    /** The farmer answers before this, or the claim goes to the cooperative by itself. */
    farmerDeadline: timestamp('farmer_deadline', { withTimezone: true }).notNull(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('claims_buyer_key_uq').on(t.buyerId, t.idempotencyKey),
    index('claims_order_idx').on(t.orderId),
    index('claims_buyer_idx').on(t.buyerId, t.id),
    index('claims_farmer_status_idx').on(t.farmerId, t.status, t.id),
    index('claims_coop_status_idx').on(t.cooperativeId, t.status, t.id),
    check('claims_amounts', sql`${t.suggestedFen} >= 0 and (${t.offeredFen} is null or ${t.offeredFen} >= 0) and (${t.settledFen} is null or ${t.settledFen} >= 0)`),
  ],
)

/** The lines a claim covers and how much of each is affected (grams when sold by weight, else units). */
export const claimLines = pgTable(
  'claim_lines',
  {
    id: id(),
    claimId: bigint('claim_id', { mode: 'number' }).notNull().references(() => claims.id),
    orderItemId: bigint('order_item_id', { mode: 'number' }).notNull().references(() => orderItems.id),
    /**
     * How `affected` is measured: `g` (grams — any line, since every spec has a net weight; the
     * only measure for 斤/kg lines) or `unit` (whole 箱/个 of a 箱/个 line).
     */
    measure: text('measure').$type<ClaimMeasure>().notNull(),
    affected: integer('affected').notNull(),
    suggestedFen: integer('suggested_fen').notNull(),
  },
  (t) => [uniqueIndex('claim_lines_claim_item_uq').on(t.claimId, t.orderItemId), index('claim_lines_item_idx').on(t.orderItemId), check('claim_lines_affected', sql`${t.affected} > 0`), check('claim_lines_measure', sql`${t.measure} in ('g', 'unit')`)],
)
