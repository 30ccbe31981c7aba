/**
 * Unused uploads are deleted a day after upload: an hourly durable job finds media rows older
 * than 24 h that nothing shows (unused-media.ts) and deletes them, then their files from the
 * store. Rows go first, judged unused in the same statement, so a photo attached at that moment
 * keeps its bytes; a failure mid-way can only leave files no row names (harmless).
 *
 * Scheduling works with any number of instances: each run is one job row whose dedupe key names
 * its hour (`media-cleanup:<ISO hour>`). A run first enqueues the next hour's, and every instance
 * enqueues the next hour's at start, so the chain exists once and survives a failed run.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client'
import { enqueue } from '../../jobs/job-queue'
import type { JobHandler } from '../../jobs/job-runner'
import { photoFiles } from '../media'
import type { MediaStore } from './media-store'
import type { UnusedMediaRepository } from './unused-media'

export const MEDIA_CLEANUP_JOB = 'media_cleanup'
const UNUSED_MEDIA_MAX_AGE_MS = 24 * 60 * 60_000
const PERIOD_MS = 60 * 60_000
const BATCH = 200
/** At most this many batches a run; the rest waits for the next hour. */
const MAX_BATCHES = 25

export interface MediaCleanupDeps {
  db: Db
  unused: UnusedMediaRepository
  store: MediaStore
  log?: FastifyBaseLogger
}

export function createMediaCleanup({ db, unused, store, log }: MediaCleanupDeps) {
  /** Enqueues the run of the hour after `now` (a no-op when any instance already did). */
  async function scheduleNext(now: Date): Promise<void> {
    const runAt = new Date((Math.floor(now.getTime() / PERIOD_MS) + 1) * PERIOD_MS)
    await enqueue(db, { kind: MEDIA_CLEANUP_JOB, dedupeKey: `media-cleanup:${runAt.toISOString()}`, payload: {}, runAt })
  }

  /** Deletes every upload older than a day that nothing refers to; returns their keys. */
  async function sweep(now: Date): Promise<string[]> {
    const cutoff = new Date(now.getTime() - UNUSED_MEDIA_MAX_AGE_MS)
    const deleted: string[] = []
    for (let i = 0; i < MAX_BATCHES; i++) {
      // Rows first, then their files: a photo attached meanwhile keeps its row and so its bytes; a
      // crash between the two leaves only files nothing names.
      const keys = await unused.deleteBatch(cutoff, BATCH)
      for (const key of keys) {
        const files = photoFiles(key)
        await store.delete(files.display)
        await store.delete(files.thumb)
      }
      deleted.push(...keys)
      if (keys.length < BATCH) break
    }
    if (deleted.length > 0) log?.info({ count: deleted.length }, 'deleted unused uploads')
    return deleted
  }

  const handler: JobHandler = async (_payload, now) => {
    await scheduleNext(now)
    await sweep(now)
  }

  return { scheduleNext, sweep, handler }
}
