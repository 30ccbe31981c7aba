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
    /** Up to `limit` keys of uploads created before `cutoff` that nothing refers to, oldest first. */
    async find(cutoff: Date, limit: number): Promise<string[]> {
      const rows = await db
        .select({ key: media.key })
        .from(media)
        .where(and(lt(media.createdAt, cutoff), unused))
        .orderBy(asc(media.id))
        .limit(limit)
      return rows.map((r) => r.key)
    },

    /** Deletes those of `keys` that are still unused (checked again in the same statement); returns them. */
    async delete(keys: string[], cutoff: Date): Promise<string[]> {
      if (keys.length === 0) return []
      const rows = await db
        .delete(media)
        .where(and(inArray(media.key, keys), lt(media.createdAt, cutoff), unused))
        .returning({ key: media.key })
      return rows.map((r) => r.key)
    },
  }
}

export type UnusedMediaRepository = ReturnType<typeof createUnusedMediaRepository>
