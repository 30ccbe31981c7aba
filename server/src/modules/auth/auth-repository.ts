/** SQL for users, roles and sessions. */
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { farmers, sessions, userRoles, users } from '../../db/schema'
import type { MeDto, RoleDto } from '../../contracts/auth'

export function createAuthRepository(db: Db) {
  return {
    /** Finds or creates the user of an openid and makes sure they can buy; returns their id. */
    async upsertBuyer(openid: string, unionid: string | undefined): Promise<number> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({ openid, unionid: unionid ?? null })
          .onConflictDoUpdate({ target: users.openid, set: { unionid: sql`coalesce(excluded.unionid, ${users.unionid})` } })
          .returning({ id: users.id })
        await tx.insert(userRoles).values({ userId: row.id, role: 'buyer' }).onConflictDoNothing()
        return row.id
      })
    },

    async createSession(tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
      await db.insert(sessions).values({ tokenHash, userId, expiresAt })
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
    },

    async findSessionUser(tokenHash: string, now: Date): Promise<number | null> {
      const [row] = await db
        .select({ userId: sessions.userId })
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
      return row?.userId ?? null
    },

    async loadMe(userId: number): Promise<MeDto | null> {
      const [user] = await db.select({ id: users.id, nickname: users.nickname }).from(users).where(eq(users.id, userId))
      if (!user) return null
      const roles = await db
        .select({ role: userRoles.role, cooperativeId: userRoles.cooperativeId })
        .from(userRoles)
        .where(eq(userRoles.userId, userId))
      const [farmer] = await db
        .select({ id: farmers.id })
        .from(farmers)
        .where(and(eq(farmers.userId, userId), eq(farmers.active, true)))
      const admin = roles.find((r) => r.role === 'coop_admin')
      return {
        id: user.id,
        nickname: user.nickname,
        roles: roles.map((r) => r.role as RoleDto).sort(),
        farmerId: farmer?.id ?? null,
        cooperativeId: admin?.cooperativeId ?? null,
      }
    },
  }
}

export type AuthRepository = ReturnType<typeof createAuthRepository>
