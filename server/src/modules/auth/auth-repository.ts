/** SQL for users, roles and sessions. */
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { grantRoles } from './role-grants'
import { farmers, sessions, userRoles, users } from '../../db/schema'
import type { MeDto, RoleDto } from '@contracts/auth'

/**
 * A user with their roles, coop_admin cooperative and active farmer row: one row, correlated
 * subqueries. Written with table aliases, not column objects: drizzle prints columns without
 * their table in a one-table select, which would bind `user_id = id` inside the subquery.
 */
const meFields = {
  id: users.id,
  nickname: users.nickname,
  roles: sql<string | null>`(select string_agg(r.role::text, ',') from ${userRoles} r where r.user_id = ${users}.id)`,
  cooperativeId: sql<number | null>`(select r.cooperative_id from ${userRoles} r where r.user_id = ${users}.id and r.role = 'coop_admin')`.mapWith(Number),
  farmerId: sql<number | null>`(select f.id from ${farmers} f where f.user_id = ${users}.id and f.active)`.mapWith(Number),
}

function toMe(row: { id: number; nickname: string; roles: string | null; cooperativeId: number | null; farmerId: number | null }): MeDto {
  return {
    id: row.id,
    nickname: row.nickname,
    roles: (row.roles ? (row.roles.split(',') as RoleDto[]) : []).sort(),
    farmerId: row.farmerId,
    cooperativeId: row.cooperativeId,
  }
}

export function createAuthRepository(db: Db) {
  return {
    /** Finds or creates the user of an openid and makes sure they can buy; returns their id. */
    async upsertBuyer(openid: string, unionid: string | undefined): Promise<number> {
      return inTransaction(db, async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({ openid, unionid: unionid ?? null })
          .onConflictDoUpdate({ target: users.openid, set: { unionid: sql`coalesce(excluded.unionid, ${users.unionid})` } })
          .returning({ id: users.id })
        await grantRoles(tx, [{ userId: row.id, role: 'buyer' }])
        return row.id
      })
    },

    async createSession(tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
      await db.insert(sessions).values({ tokenHash, userId, expiresAt })
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
    },

    /** The user behind an unexpired session, with roles and farmer row, in one statement. */
    async findSessionMe(tokenHash: string, now: Date): Promise<MeDto | null> {
      const [row] = await db
        .select(meFields)
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
      return row ? toMe(row) : null
    },

    async loadMe(userId: number): Promise<MeDto | null> {
      const [row] = await db.select(meFields).from(users).where(eq(users.id, userId))
      return row ? toMe(row) : null
    },
  }
}

export type AuthRepository = ReturnType<typeof createAuthRepository>
