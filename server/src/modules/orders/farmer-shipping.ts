/** Each farmer's flat shipping rule (farmer_shipping), which pricing reads: set in one statement, replacing a farmer's earlier rule. */
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { farmerShipping } from '../../db/schema'

export interface FarmerShippingRule {
  farmerId: number
  feeFen: number
  /** Orders from this subtotal ship free; null: never free. */
  freeFromFen: number | null
}

export async function setFarmerShipping(db: Executor, rows: readonly FarmerShippingRule[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insert(farmerShipping)
    .values([...rows])
    .onConflictDoUpdate({ target: farmerShipping.farmerId, set: { feeFen: sql`excluded.fee_fen`, freeFromFen: sql`excluded.free_from_fen` } })
}
