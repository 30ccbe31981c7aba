/**
 * The WeChat sandbox's own state (server/src/wechat/sandbox), kept in the store so a restart or a
 * second instance on the same PostgreSQL keeps playing the same WeChat: its merchant keys, pay
 * orders, refunds, login codes, access tokens, messages and shipping uploads, one JSON document per
 * (kind, id). Written only by the sandbox; nothing in the product reads it.
 */
import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

export const sandboxRecords = pgTable(
  'sandbox_records',
  {
    /** e.g. keys, pay_order, refund, login_code, access_token, message, shipping */
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] }), index('sandbox_records_kind_created_idx').on(t.kind, t.createdAt)],
)
