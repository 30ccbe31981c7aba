/** Buyers' delivery addresses. Written only by modules/addresses. */
import { bigint, boolean, index, pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './auth'

export const addresses = pgTable(
  'addresses',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' }).notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    district: text('district').notNull(),
    detail: text('detail').notNull(),
    postalCode: text('postal_code'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('addresses_user_idx').on(t.userId, t.id)],
)
