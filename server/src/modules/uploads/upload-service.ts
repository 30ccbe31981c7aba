/**
 * Photo uploads: check, re-encode without metadata, store two sizes, record the media row.
 * A retry with the same Upload-Id (and the same bytes) returns the first result and stores
 * nothing new; the same Upload-Id with other bytes is refused, never answered with another photo.
 */
import crypto from 'node:crypto'
import type { UploadResultDto } from '@contracts/farmer-listings'
import { AppError } from '../../http/errors'
import { photoFiles, photoUrls } from '../media'
import { processImage } from './image-processing'
import { sha256Hex, type MediaStore } from './media-store'
import type { MediaRow, UploadRepository } from './upload-repository'

export interface UploadOutcome {
  /** False when this was a retry of an upload already stored. */
  created: boolean
  result: UploadResultDto
}

const toResult = (row: MediaRow): UploadResultDto => ({ key: row.key, ...photoUrls(row.key), width: row.width, height: row.height })

/** The first upload under this id, as a retry's answer; other bytes under the same id are a client fault. */
function retried(row: MediaRow, sha256: string): UploadOutcome {
  if (row.sourceSha256 !== null && row.sourceSha256 !== sha256) {
    throw new AppError('UPLOAD_ID_REUSED', 'This Upload-Id was used for another photo; use a new id for a new photo')
  }
  return { created: false, result: toResult(row) }
}

export function createUploadService({ repo, store, clock }: { repo: UploadRepository; store: MediaStore; clock: () => Date }) {
  return {
    async upload(ownerUserId: number, uploadId: string | undefined, bytes: Buffer): Promise<UploadOutcome> {
      const id = uploadId ?? crypto.randomUUID()
      const sha256 = sha256Hex(bytes)
      const existing = await repo.findByUploadId(ownerUserId, id)
      if (existing) return retried(existing, sha256)

      const image = await processImage(bytes)
      const key = `u/${crypto.randomBytes(12).toString('hex')}`
      const { display, thumb } = photoFiles(key)
      const files = [display, thumb]
      await store.put(display, image.display.bytes, 'image/jpeg')
      await store.put(thumb, image.thumb.bytes, 'image/jpeg')
      const dropFiles = () => Promise.all(files.map((f) => store.delete(f))).then(() => undefined)
      const row = await repo
        .insert({ key, ownerUserId, uploadId: id, sourceSha256: sha256, mime: 'image/jpeg', width: image.display.width, height: image.display.height, bytes: image.display.bytes.length, createdAt: clock() })
        .catch(async (err: unknown) => {
          await dropFiles().catch(() => undefined)
          throw err
        })
      if (row) return { created: true, result: toResult(row) }
      // A concurrent retry stored it first: keep theirs, drop ours.
      await dropFiles()
      const winner = await repo.findByUploadId(ownerUserId, id)
      if (!winner) throw new Error('upload vanished after a conflicting insert')
      return retried(winner, sha256)
    },
  }
}

export type UploadService = ReturnType<typeof createUploadService>
