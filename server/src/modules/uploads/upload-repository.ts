/** SQL for the media table: uploaded photos and who owns them. */
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { media } from '../../db/schema'

export type MediaRow = typeof media.$inferSelect
export type NewMedia = typeof media.$inferInsert

export function createUploadRepository(db: Db) {
  return {
    async findByUploadId(ownerUserId: number, uploadId: string): Promise<MediaRow | null> {
      const [row] = await db.select().from(media).where(and(eq(media.ownerUserId, ownerUserId), eq(media.uploadId, uploadId)))
      return row ?? null
    },

    /** Inserts the row; null when the same user + upload id got there first (a concurrent retry). */
    async insert(row: NewMedia): Promise<MediaRow | null> {
      const [inserted] = await db.insert(media).values(row).onConflictDoNothing({ target: [media.ownerUserId, media.uploadId] }).returning()
      return inserted ?? null
    },
  }
}

/** Which of `keys` this user uploaded (other modules check photo keys against it). */
export async function ownedMediaKeys(db: Db, ownerUserId: number, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const rows = await db
    .select({ key: media.key })
    .from(media)
    .where(and(eq(media.ownerUserId, ownerUserId), inArray(media.key, [...new Set(keys)])))
  return new Set(rows.map((r) => r.key))
}

export type UploadRepository = ReturnType<typeof createUploadRepository>
