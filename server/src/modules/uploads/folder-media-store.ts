/**
 * The folder store: one file per key under `root`, written atomically (write, then rename).
 * The content type comes from the key's extension, the sha256 from the bytes on each read.
 * Per instance: several servers serve each other's photos only if they share the folder.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { assertSafeKey, contentTypeOf, sha256Hex, type MediaStore } from './media-store'

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR'])

export function createFolderMediaStore(root: string): MediaStore {
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
    async get(key) {
      const file = fileOf(key)
      try {
        const bytes = await fs.promises.readFile(file)
        return { bytes, contentType: contentTypeOf(key), sha256: sha256Hex(bytes) }
      } catch (err) {
        if (MISSING.has((err as NodeJS.ErrnoException).code ?? '')) return null
        throw err
      }
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true })
    },
  }
}
