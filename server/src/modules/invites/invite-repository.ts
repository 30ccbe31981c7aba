/** SQL for invites into a cooperative (the farmer row and role an accepted invite creates are members' and auth's). */
import { desc, eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { cooperatives, farmerInvites } from '../../db/schema'

export type InviteRow = typeof farmerInvites.$inferSelect

const cooperativeColumns = { id: cooperatives.id, name: cooperatives.name, county: cooperatives.county, province: cooperatives.province }

export function createInviteRepository(db: Db) {
  return {
    /** Inserts the invite; false when the code is taken (the caller draws another). */
    async insert(values: { cooperativeId: number; code: string; createdBy: number; expiresAt: Date }): Promise<boolean> {
      const rows = await db.insert(farmerInvites).values(values).onConflictDoNothing({ target: farmerInvites.code }).returning({ id: farmerInvites.id })
      return rows.length === 1
    },

    async listForCooperative(cooperativeId: number, limit: number): Promise<InviteRow[]> {
      return db.select().from(farmerInvites).where(eq(farmerInvites.cooperativeId, cooperativeId)).orderBy(desc(farmerInvites.id)).limit(limit)
    },

    async findWithCooperative(code: string) {
      const [row] = await db
        .select({ invite: farmerInvites, cooperative: cooperativeColumns })
        .from(farmerInvites)
        .innerJoin(cooperatives, eq(cooperatives.id, farmerInvites.cooperativeId))
        .where(eq(farmerInvites.code, code))
      return row ?? null
    },

    transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      return inTransaction(db, work)
    },

    /** The invite, locked until the transaction ends (two people accepting one code: one wins). */
    async lockInvite(tx: Tx, code: string): Promise<InviteRow | null> {
      const [row] = await tx.select().from(farmerInvites).where(eq(farmerInvites.code, code)).for('update')
      return row ?? null
    },

    /** Marks the invite used by the farmer it created. */
    async markUsed(tx: Tx, inviteId: number, farmerId: number, now: Date): Promise<void> {
      await tx.update(farmerInvites).set({ usedByFarmerId: farmerId, usedAt: now }).where(eq(farmerInvites.id, inviteId))
    },
  }
}

export type InviteRepository = ReturnType<typeof createInviteRepository>
