/** Auth's tables: users, their roles and sessions. Written only by modules/auth. */
import { bigint, index, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { ROLES } from '@domain/roles'
import { createdAt, id } from './columns'
import { cooperatives } from './cooperatives'

export const roleEnum = pgEnum('user_role', ROLES)

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
