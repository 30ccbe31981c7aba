/** One-time subscribe-message consents. Written only by modules/subscriptions. */
import { sql } from 'drizzle-orm'
import { bigint, check, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './auth'

/** One-time subscribe-message consents (each accept allows one message). */
export const subscribeConsents = pgTable(
  'subscribe_consents',
  {
    userId: bigint('user_id', { mode: 'number' }).notNull().references(() => users.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    remaining: integer('remaining').notNull().default(0),
    lastAnswer: text('last_answer').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.templateId] }), check('subscribe_consents_nonnegative', sql`${t.remaining} >= 0`)],
)
