/** Column helpers shared by every table file. */
import { bigint, timestamp } from 'drizzle-orm/pg-core'

export const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity()
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
