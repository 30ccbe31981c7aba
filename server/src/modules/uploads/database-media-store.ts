/**
 * The database store: one media_files row per key (bytes, content type, sha256), so every
 * server instance on the same PostgreSQL serves every photo. Works on PGlite too.
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { mediaFiles } from '../../db/schema'
import { assertSafeKey, sha256Hex, type MediaStore } from './media-store'

export function createDatabaseMediaStore(db: Db): MediaStore {
  return {
    async put(key, bytes, contentType) {
      assertSafeKey(key)
      const sha256 = sha256Hex(bytes)
      await db
        .insert(mediaFiles)
        .values({ key, contentType, sha256, bytes })
        .onConflictDoUpdate({ target: mediaFiles.key, set: { contentType, sha256, bytes, createdAt: sql`now()` } })
    },
    async get(key) {
      assertSafeKey(key)
      const [row] = await db
        .select({ bytes: mediaFiles.bytes, contentType: mediaFiles.contentType, sha256: mediaFiles.sha256 })
        .from(mediaFiles)
        .where(eq(mediaFiles.key, key))
      return row ?? null
    },
    async delete(key) {
      assertSafeKey(key)
      await db.delete(mediaFiles).where(eq(mediaFiles.key, key))
    },
  }
}
