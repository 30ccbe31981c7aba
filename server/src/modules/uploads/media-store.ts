/**
 * Where uploaded files live: one contract, two stores. The database store (media_files) lets
 * every instance on the same PostgreSQL serve every photo; the folder store keeps files under
 * `<dataDir>/media` for one embedded server. An S3-compatible store could implement the same calls.
 */
import crypto from 'node:crypto'

export interface StoredMedia {
  bytes: Buffer
  contentType: string
  /** Hex sha256 of the bytes: the ETag they are served with. */
  sha256: string
}

export interface MediaStore {
  /** Stores `bytes` under `key` (e.g. `u/3f9a….jpg`), replacing anything stored there. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>
  /** The stored file, or null when nothing is stored under `key`. */
  get(key: string): Promise<StoredMedia | null>
  /** Removes `key`; a missing file is not an error. */
  delete(key: string): Promise<void>
}

/** Lower-case path segments and an extension: no `..`, no leading `/`, no backslash, no percent. */
const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9.]+$/
const MAX_KEY_LENGTH = 200

export function isSafeMediaKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && SAFE_KEY.test(key) && !key.includes('..')
}

/** Every store refuses an unsafe key before touching its disk or table (a caller's bug, not a client fault). */
export function assertSafeKey(key: string): void {
  if (!isSafeMediaKey(key)) throw new Error(`unsafe media key "${key.slice(0, 80)}"`)
}

export function sha256Hex(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex')
}

const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** The content type a key's extension names (the folder store keeps no other record of it). */
export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream'
}
