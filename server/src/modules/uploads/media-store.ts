/**
 * Where uploaded files live. The folder store writes under `<dataDir>/media`, which app.ts
 * serves at /media/; an S3-compatible store can implement the same two calls later.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface MediaStore {
  /** Stores `bytes` under `key` (e.g. `u/3f9a….jpg`), replacing any file there. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>
  /** Removes `key`; a missing file is not an error. */
  delete(key: string): Promise<void>
}

const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9.]+$/

function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..') || key.length > 200) throw new Error(`unsafe media key "${key}"`)
}

/** Files under `root`; the folder is created at once, so the static file server finds it at start. */
export function createFolderMediaStore(root: string): MediaStore {
  fs.mkdirSync(root, { recursive: true })
  const fileOf = (key: string) => {
    assertSafeKey(key)
    return path.join(root, ...key.split('/'))
  }
  return {
    async put(key, bytes) {
      const file = fileOf(key)
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`
      await fs.promises.writeFile(temp, bytes)
      await fs.promises.rename(temp, file)
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true })
    },
  }
}
