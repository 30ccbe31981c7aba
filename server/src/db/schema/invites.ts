/** Farmer invitations into a cooperative. Written only by modules/invites. */
import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './auth'
import { cooperatives } from './cooperatives'
import { farmers } from './members'

/** A cooperative manager's invitation for one person to join as a farmer. */
export const farmerInvites = pgTable(
  'farmer_invites',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    code: text('code').notNull().unique(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull().references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedByFarmerId: bigint('used_by_farmer_id', { mode: 'number' }).references(() => farmers.id),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('farmer_invites_coop_idx').on(t.cooperativeId, t.id)],
)
