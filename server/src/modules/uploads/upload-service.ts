/**
 * Photo uploads: check, re-encode without metadata, store two sizes, record the media row.
 * A retry with the same Upload-Id returns the first result and stores nothing new.
 */
import crypto from 'node:crypto'
import type { UploadResultDto } from '../../contracts/farmer-listings'
import { photoUrls } from '../media/photo-urls'
import { processImage } from './image-processing'
import type { MediaStore } from './media-store'
import type { MediaRow, UploadRepository } from './upload-repository'

export interface UploadOutcome {
  /** False when this was a retry of an upload already stored. */
  created: boolean
  result: UploadResultDto
}

const toResult = (row: MediaRow): UploadResultDto => ({ key: row.key, ...photoUrls(row.key), width: row.width, height: row.height })

export function createUploadService({ repo, store }: { repo: UploadRepository; store: MediaStore }) {
  return {
    async upload(ownerUserId: number, uploadId: string | undefined, bytes: Buffer): Promise<UploadOutcome> {
      const id = uploadId ?? crypto.randomUUID()
      const existing = await repo.findByUploadId(ownerUserId, id)
      if (existing) return { created: false, result: toResult(existing) }

      const image = await processImage(bytes)
      const key = `u/${crypto.randomBytes(12).toString('hex')}`
      const files = [`${key}.jpg`, `${key}.thumb.jpg`]
      await store.put(files[0], image.display.bytes, 'image/jpeg')
      await store.put(files[1], image.thumb.bytes, 'image/jpeg')
      const dropFiles = () => Promise.all(files.map((f) => store.delete(f))).then(() => undefined)
      const row = await repo
        .insert({ key, ownerUserId, uploadId: id, mime: 'image/jpeg', width: image.display.width, height: image.display.height, bytes: image.display.bytes.length })
        .catch(async (err: unknown) => {
          await dropFiles().catch(() => undefined)
          throw err
        })
      if (row) return { created: true, result: toResult(row) }
      // A concurrent retry stored it first: keep theirs, drop ours.
      await dropFiles()
      const winner = await repo.findByUploadId(ownerUserId, id)
      if (!winner) throw new Error('upload vanished after a conflicting insert')
      return { created: false, result: toResult(winner) }
    },
  }
}

export type UploadService = ReturnType<typeof createUploadService>
