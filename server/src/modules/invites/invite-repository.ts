/** SQL for invites into a cooperative, and the farmer row an accepted invite creates. */
import { and, desc, eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client'
import { cooperatives, farmerInvites, farmers, userRoles } from '../../db/schema'

export type InviteRow = typeof farmerInvites.$inferSelect

export interface NewFarmer {
  cooperativeId: number
  userId: number
  name: string
  village: string
  story: string
  photoKey: string | null
}

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
      return db.transaction(work)
    },

    /** The invite, locked until the transaction ends (two people accepting one code: one wins). */
    async lockInvite(tx: Tx, code: string): Promise<InviteRow | null> {
      const [row] = await tx.select().from(farmerInvites).where(eq(farmerInvites.code, code)).for('update')
      return row ?? null
    },

    async farmerOfUser(tx: Tx, userId: number): Promise<{ id: number } | null> {
      const [row] = await tx.select({ id: farmers.id }).from(farmers).where(eq(farmers.userId, userId))
      return row ?? null
    },

    /** Creates the farmer, marks the invite used and grants the farmer role. */
    async createFarmer(tx: Tx, inviteId: number, farmer: NewFarmer, now: Date): Promise<number> {
      const [row] = await tx
        .insert(farmers)
        .values({ cooperativeId: farmer.cooperativeId, userId: farmer.userId, name: farmer.name, village: farmer.village, story: farmer.story, photoUrl: farmer.photoKey })
        .returning({ id: farmers.id })
      await tx.update(farmerInvites).set({ usedByFarmerId: row.id, usedAt: now }).where(and(eq(farmerInvites.id, inviteId)))
      await tx.insert(userRoles).values({ userId: farmer.userId, role: 'farmer' }).onConflictDoNothing()
      return row.id
    },
  }
}

export type InviteRepository = ReturnType<typeof createInviteRepository>
