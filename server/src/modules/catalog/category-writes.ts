/** Adds categories (the fixed list the demo store ships with); a category id already there is left as it is. */
import type { Executor } from '../../db/client'
import { categories } from '../../db/schema'

export interface NewCategory {
  id: string
  name: string
  sortOrder: number
}

export async function addCategories(db: Executor, rows: readonly NewCategory[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insert(categories)
    .values([...rows])
    .onConflictDoNothing()
}
