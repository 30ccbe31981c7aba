/**
 * Registered households' tables: which member farmer is which household of the county's
 * poverty-alleviation registry, with the history of its status; the county lists the manager
 * imports; and the audit log of who saw or moved that personal information. Written only by
 * modules/households.
 */
import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { HOUSEHOLD_STATUSES } from '@domain/households'
import { createdAt, id } from './columns'
import { users } from './auth'
import { cooperatives } from './cooperatives'
import { farmers } from './members'

export const householdStatusEnum = pgEnum('household_status', HOUSEHOLD_STATUSES)

/**
 * One period of a member's household status: from started_on through ended_on (China dates, both
 * inclusive; null while it lasts). A member has at most one open period; a change ends the open
 * one the day before the new one starts, so the history is kept and sales are attributed by the
 * status on the day of each sale.
 */
export const householdPeriods = pgTable(
  'household_periods',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    farmerId: bigint('farmer_id', { mode: 'number' }).notNull().references(() => farmers.id),
    /** 户编号 as the county issues it (normalised: digits and capitals); null for flags carried over before numbers were kept. */
    registryNo: text('registry_no'),
    /** 户主姓名 as on the county's list. */
    headName: text('head_name').notNull().default(''),
    status: householdStatusEnum('status').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** manual (the manager on the member's page) · import:<id> (a confirmed county list) · migration (the old yes/no flag). */
    source: text('source').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('household_periods_farmer_idx').on(t.farmerId, t.startedOn),
    index('household_periods_coop_idx').on(t.cooperativeId, t.registryNo),
    uniqueIndex('household_periods_one_open_uq').on(t.farmerId).where(sql`${t.endedOn} is null`),
    check('household_periods_order', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
)

/** A county list the manager uploaded: its parsed rows and the findings, applied only when confirmed. */
export const householdImports = pgTable(
  'household_imports',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).notNull().references(() => users.id),
    idempotencyKey: text('idempotency_key').notNull(),
    fileName: text('file_name').notNull().default(''),
    /** The file's header row and data rows as text cells, as read (so a new column mapping re-reads them). */
    header: jsonb('header').$type<string[]>().notNull(),
    rows: jsonb('rows').$type<string[][]>().notNull(),
    /** The column mapping the manager set for this list (field → header text); null: the cooperative's remembered one, or one read off the header. */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    /** proposed · applied · discarded */
    status: text('status').notNull().default('proposed'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: bigint('applied_by', { mode: 'number' }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('household_imports_key_uq').on(t.cooperativeId, t.uploadedBy, t.idempotencyKey), index('household_imports_coop_idx').on(t.cooperativeId, t.id)],
)

/** The column mapping of the cooperative's last confirmed county list (field → header text), offered first for the next import. */
export const householdColumnMappings = pgTable('household_column_mappings', {
  cooperativeId: bigint('cooperative_id', { mode: 'number' }).primaryKey().references(() => cooperatives.id),
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Every view of a full registry number, every import, confirmation and export, and every status change: who, when, what. */
export const registryAudit = pgTable(
  'registry_audit',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    userId: bigint('user_id', { mode: 'number' }).notNull().references(() => users.id),
    /** view_number · set_status · end_status · import · apply_import · discard_import · export */
    action: text('action').notNull(),
    farmerId: bigint('farmer_id', { mode: 'number' }).references(() => farmers.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    rows: integer('rows'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registry_audit_coop_idx').on(t.cooperativeId, t.id)],
)
