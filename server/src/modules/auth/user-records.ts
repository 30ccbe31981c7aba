/** Users made without a WeChat sign-in (the demo store's buyers): created once by openid, renamed when seen again. */
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { users } from '../../db/schema'

export async function upsertUsers(db: Executor, rows: { openid: string; nickname: string }[]): Promise<{ id: number; openid: string }[]> {
  if (rows.length === 0) return []
  return db
    .insert(users)
    .values(rows)
    .onConflictDoUpdate({ target: users.openid, set: { nickname: sql`excluded.nickname` } })
    .returning({ id: users.id, openid: users.openid })
}
