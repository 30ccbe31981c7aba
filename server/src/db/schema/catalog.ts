/** The catalogue's categories (a fixed list, which the seed adds). Written only by modules/catalog. */
import { integer, pgTable, text } from 'drizzle-orm/pg-core'

export const categories = pgTable('categories', {
  /** A stable slug such as `fruit`. */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
})
