/**
 * Cooperatives. Written only by modules/members, like members.ts; a file of its own so that
 * auth's user_roles (a manager's cooperative) can reference it without a cycle between files.
 */
import { createdAt, id } from './columns'
import { integer, pgTable, text } from 'drizzle-orm/pg-core'

export const cooperatives = pgTable('cooperatives', {
  id: id(),
  name: text('name').notNull(),
  county: text('county').notNull(),
  province: text('province').notNull(),
  /** The cooperative's commission on its members' sales, in basis points (500 = 5%). */
  commissionBps: integer('commission_bps').notNull().default(0),
  /** The phone buyers call with questions (联系客服 on H5); set by the manager. */
  servicePhone: text('service_phone'),
  createdAt: createdAt(),
})
