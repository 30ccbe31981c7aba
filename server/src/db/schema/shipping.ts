/** Each farmer's flat shipping rule. Written only by modules/orders (`setFarmerShipping`), read by its pricing. */
import { bigint, integer, pgTable } from 'drizzle-orm/pg-core'
import { farmers } from './members'

/** Each farmer's flat shipping fee per order, free from a threshold (fen). */
export const farmerShipping = pgTable('farmer_shipping', {
  farmerId: bigint('farmer_id', { mode: 'number' }).primaryKey().references(() => farmers.id),
  feeFen: integer('fee_fen').notNull().default(0),
  freeFromFen: integer('free_from_fen'),
})
