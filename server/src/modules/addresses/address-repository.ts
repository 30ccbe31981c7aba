/** SQL for buyers' delivery addresses (the table addresses owns). */
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { addresses } from '../../db/schema'

export type AddressRow = typeof addresses.$inferSelect
export type NewAddress = Omit<typeof addresses.$inferInsert, 'id' | 'createdAt'>

/** The default first, then newest first. */
export async function addressesOf(db: Executor, userId: number): Promise<AddressRow[]> {
  return db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), desc(addresses.id))
}

export async function countAddresses(db: Executor, userId: number): Promise<number> {
  const [{ count }] = await db.select({ count: sql<number>`cast(count(*) as int)` }).from(addresses).where(eq(addresses.userId, userId))
  return count
}

/** No address of the user is the default any more (a new default follows). */
export async function clearDefault(db: Executor, userId: number): Promise<void> {
  await db.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId))
}

export async function insertAddress(db: Executor, row: NewAddress): Promise<AddressRow> {
  const [created] = await db.insert(addresses).values(row).returning()
  return created
}

/** Deletes the user's own address; false when there was none with that id. */
export async function deleteAddress(db: Executor, userId: number, id: number): Promise<boolean> {
  const deleted = await db.delete(addresses).where(and(eq(addresses.id, id), eq(addresses.userId, userId))).returning({ id: addresses.id })
  return deleted.length > 0
}
