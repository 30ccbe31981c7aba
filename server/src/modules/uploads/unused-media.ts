/**
 * Which uploads nothing shows: the media keys read from the columns that hold photo keys —
 * products.photos (farmer-listings), claims.photos (after-sales) and farmers.photo_url (members).
 * A module that adds a column holding media keys adds it to USED_KEYS, or its photos are
 * deleted a day after upload.
 */
import { and, asc, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { claims, farmers, media, products } from '../../db/schema'

const USED_KEYS = sql`select unnest(${products.photos}) from ${products}
  union select unnest(${claims.photos}) from ${claims}
  union select ${farmers.photoUrl} from ${farmers} where ${farmers.photoUrl} is not null`

const unused = sql`not exists (select 1 from (${USED_KEYS}) as used(key) where used.key = ${media.key})`

export function createUnusedMediaRepository(db: Db) {
  return {
    /**
     * Deletes up to `limit` uploads created before `cutoff` that nothing refers to, oldest first,
     * in one statement (so "unused" is judged as the rows go); returns their keys.
     */
    async deleteBatch(cutoff: Date, limit: number): Promise<string[]> {
      const batch = db.select({ id: media.id }).from(media).where(and(lt(media.createdAt, cutoff), unused)).orderBy(asc(media.id)).limit(limit)
      const rows = await db
        .delete(media)
        .where(and(inArray(media.id, batch), unused))
        .returning({ key: media.key })
      return rows.map((r) => r.key)
    },
  }
}

export type UnusedMediaRepository = ReturnType<typeof createUnusedMediaRepository>
