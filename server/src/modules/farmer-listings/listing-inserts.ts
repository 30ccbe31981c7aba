/**
 * Creates many products, then their specs, in one statement each (the demo store); pass the
 * caller's transaction. A new spec's opening stock is written with its row; later changes go
 * through modules/stock.
 */
import type { Executor } from '../../db/client'
import { products, productSpecs } from '../../db/schema'

export type NewListingProduct = Pick<
  typeof products.$inferInsert,
  'farmerId' | 'categoryId' | 'title' | 'description' | 'origin' | 'photos' | 'harvestStart' | 'harvestEnd' | 'shipsFrom' | 'status'
>
export type NewListingSpec = Pick<typeof productSpecs.$inferInsert, 'productId' | 'name' | 'priceFen' | 'unit' | 'netWeightG' | 'parcelWeightG' | 'stock' | 'sortOrder'>

export async function insertProducts(db: Executor, rows: readonly NewListingProduct[]): Promise<{ id: number; title: string }[]> {
  if (rows.length === 0) return []
  return db
    .insert(products)
    .values([...rows])
    .returning({ id: products.id, title: products.title })
}

export async function insertSpecs(db: Executor, rows: readonly NewListingSpec[]): Promise<void> {
  if (rows.length === 0) return
  await db.insert(productSpecs).values([...rows])
}
