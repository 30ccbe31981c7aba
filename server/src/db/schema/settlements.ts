/** Settlements' tables: weekly statements and the refunds each took in. Written only by modules/settlements. */
import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { SETTLEMENT_STATUSES } from '@domain/settlement'
import { createdAt, id } from './columns'
import { users } from './auth'
import { cooperatives } from './cooperatives'
import { farmers } from './members'

import { refunds } from './payments'

export const settlementStatusEnum = pgEnum('settlement_status', SETTLEMENT_STATUSES)

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
