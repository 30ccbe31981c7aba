/**
 * The MediaStore contract, run against both stores: the folder store (files under a temp folder)
 * and the database store (media_files on this run's store: PGlite, or PostgreSQL with DATABASE_URL).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { mediaFiles } from '../../server/src/db/schema'
import { createDatabaseMediaStore } from '../../server/src/modules/uploads/database-media-store'
import { createFolderMediaStore } from '../../server/src/modules/uploads/folder-media-store'
import type { MediaStore } from '../../server/src/modules/uploads'
import { openTestStore, type TestStore } from '../support/store'

let testStore: TestStore
let folder: string
let outside: string

beforeAll(async () => {
  testStore = await openTestStore()
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-media-store-'))
  folder = path.join(base, 'media')
  // A file just outside the store's folder: no unsafe key may ever reach it.
  outside = path.join(base, 'secret.jpg')
  fs.writeFileSync(outside, 'not yours')
})
afterAll(async () => {
  await testStore.close()
  fs.rmSync(path.dirname(folder), { recursive: true, force: true })
})

const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
const someBytes = (n = 2048) => crypto.randomBytes(n)
const freshBase = () => `u/${crypto.randomBytes(12).toString('hex')}`
const freshKey = (ext = 'jpg') => `${freshBase()}.${ext}`

const stores: [string, () => MediaStore][] = [
  ['folder store', () => createFolderMediaStore(folder)],
  ['database store', () => createDatabaseMediaStore(testStore.store.db)],
]

describe.each(stores)('the %s', (_name, make) => {
  let store: MediaStore
  beforeAll(() => {
    store = make()
  })

  it('gives back what was put: the same bytes, their content type and their sha256', async () => {
    const bytes = someBytes()
    const key = freshKey()
    await store.put(key, bytes, 'image/jpeg')
    const got = await store.get(key)
    expect(got).not.toBeNull()
    expect(got!.bytes.equals(bytes)).toBe(true)
    expect(got).toMatchObject({ contentType: 'image/jpeg', sha256: sha(bytes) })
  })

  it('keeps the content type of a PNG key', async () => {
    const key = freshKey('png')
    await store.put(key, someBytes(64), 'image/png')
    expect((await store.get(key))?.contentType).toBe('image/png')
  })

  it('answers null for a key never stored', async () => {
    expect(await store.get(freshKey())).toBeNull()
  })

  it('replaces the bytes (and their sha256) when the same key is put again', async () => {
    const key = freshKey()
    await store.put(key, someBytes(), 'image/jpeg')
    const second = someBytes(4096)
    await store.put(key, second, 'image/jpeg')
    const got = await store.get(key)
    expect(got!.bytes.equals(second)).toBe(true)
    expect(got!.sha256).toBe(sha(second))
  })

  it('deletes a key, and deleting a missing key is not an error', async () => {
    const key = freshKey()
    await store.put(key, someBytes(), 'image/jpeg')
    await store.delete(key)
    expect(await store.get(key)).toBeNull()
    await expect(store.delete(key)).resolves.toBeUndefined()
    await expect(store.delete(freshKey())).resolves.toBeUndefined()
  })

  it('keeps keys apart: deleting one leaves its neighbour (the thumbnail beside the display size)', async () => {
    const base = freshBase()
    const display = someBytes()
    await store.put(`${base}.jpg`, display, 'image/jpeg')
    await store.put(`${base}.thumb.jpg`, someBytes(), 'image/jpeg')
    await store.delete(`${base}.thumb.jpg`)
    expect((await store.get(`${base}.jpg`))!.bytes.equals(display)).toBe(true)
  })

  it.each([
    ['a parent folder', '../secret.jpg'],
    ['a climb out of u/', 'u/../../secret.jpg'],
    ['an absolute path', '/etc/passwd.jpg'],
    ['backslashes', 'u\\..\\secret.jpg'],
    ['upper case', 'U/Shouting.JPG'],
    ['an empty segment', 'u//double.jpg'],
    ['no extension', 'u/no-extension'],
    ['percent-encoding', 'u/%2e%2e/secret.jpg'],
    ['a NUL byte', 'u/nul\u0000.jpg'],
    ['nothing', ''],
    ['300 characters', `u/${'a'.repeat(300)}.jpg`],
  ])('refuses a key with %s for put, get and delete, touching nothing', async (_what, key) => {
    const rowsBefore = (await testStore.store.db.select({ n: count() }).from(mediaFiles))[0].n
    await expect(store.put(key, someBytes(16), 'image/jpeg')).rejects.toThrow(/unsafe media key/)
    await expect(store.get(key)).rejects.toThrow(/unsafe media key/)
    await expect(store.delete(key)).rejects.toThrow(/unsafe media key/)
    expect(fs.readFileSync(outside, 'utf8')).toBe('not yours')
    expect((await testStore.store.db.select({ n: count() }).from(mediaFiles))[0].n).toBe(rowsBefore)
  })
})

describe('where each store keeps the bytes', () => {
  it('the folder store writes one file per key under its folder, leaving no temporary file', async () => {
    const bytes = someBytes()
    const key = freshKey()
    await createFolderMediaStore(folder).put(key, bytes, 'image/jpeg')
    const [dir, name] = key.split('/')
    expect(fs.readFileSync(path.join(folder, dir, name)).equals(bytes)).toBe(true)
    expect(fs.readdirSync(path.join(folder, dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('the database store keeps one media_files row per key, upserted', async () => {
    const store = createDatabaseMediaStore(testStore.store.db)
    const key = freshKey()
    await store.put(key, someBytes(), 'image/jpeg')
    const last = someBytes()
    await store.put(key, last, 'image/jpeg')
    const rows = await testStore.store.db.select().from(mediaFiles).where(eq(mediaFiles.key, key))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ contentType: 'image/jpeg', sha256: sha(last) })
    expect(Buffer.from(rows[0].bytes).equals(last)).toBe(true)
  })

  it('concurrent puts of one key leave one whole file, one of those put', async () => {
    for (const store of [createFolderMediaStore(folder), createDatabaseMediaStore(testStore.store.db)]) {
      const key = freshKey()
      const versions = [someBytes(50_000), someBytes(50_000), someBytes(50_000)]
      await Promise.all(versions.map((bytes) => store.put(key, bytes, 'image/jpeg')))
      const got = await store.get(key)
      expect(versions.some((v) => v.equals(got!.bytes))).toBe(true)
      expect(got!.sha256).toBe(sha(got!.bytes))
    }
  })
})
