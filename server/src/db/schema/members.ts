/** Members' table: the cooperatives' member farmers (cooperatives.ts beside it). Written only by modules/members. */
import { bigint, boolean, index, pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './auth'
import { cooperatives } from './cooperatives'

export const farmers = pgTable(
  'farmers',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    userId: bigint('user_id', { mode: 'number' }).unique().references(() => users.id),
    name: text('name').notNull(),
    village: text('village').notNull(),
    story: text('story').notNull().default(''),
    photoUrl: text('photo_url'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('farmers_cooperative_idx').on(t.cooperativeId)],
)
