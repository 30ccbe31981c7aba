/**
 * GET/HEAD /media/<key> over each media store (MEDIA_STORE=database and =folder): headers,
 * conditional requests, demo photos from the assets folder, unknown and unsafe keys, and which
 * instances can serve a photo (a second app on the same store).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { like } from 'drizzle-orm'
import { buildApp } from '../../server/src/app'
import { ConfigError, loadConfig } from '../../server/src/config'
import { mediaFiles } from '../../server/src/db/schema'
import { ErrorBody, installErrorHandling } from '../../server/src/http/errors'
import { mediaRoutes } from '../../server/src/modules/uploads/media-routes'
import type { MediaStore } from '../../server/src/modules/uploads'
import { startTestApp, type TestApp } from '../support/app'
import { signInBuyer, testJpeg, upload, type Actor } from './farmer-listings-fixtures'

const DEMO_FILE = path.resolve(__dirname, '../../server/assets/media/demo/weining-fuji-1.jpg')
const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-media-serving-'))

function expectNotFound(res: { statusCode: number; json: () => unknown }) {
  expect(res.statusCode).toBe(404)
  expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
}

describe.each(['database', 'folder'] as const)('MEDIA_STORE=%s', (mediaStore) => {
  let t: TestApp
  let dataDir: string
  let alice: Actor
  let photo: { key: string; url: string; thumbUrl: string }

  beforeAll(async () => {
    dataDir = tempDir()
    t = await startTestApp({ MEDIA_STORE: mediaStore, XIANGJI_DATA_DIR: dataDir })
    alice = await signInBuyer(t)
    const res = await upload(t, alice, await testJpeg({ width: 1000, height: 800 }))
    expect(res.statusCode).toBe(201)
    photo = res.json()
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves an uploaded photo with its content type, its sha256 as ETag, a year of immutable caching and nosniff', async () => {
    for (const url of [photo.url, photo.thumbUrl]) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(200)
      const bytes = res.rawPayload
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true)
      expect(res.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'content-length': String(bytes.length),
        etag: `"${sha(bytes)}"`,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      })
    }
  })

  it('answers 304 with no body when If-None-Match names the ETag (strong, weak or in a list), 200 otherwise', async () => {
    const first = await t.app.inject({ method: 'GET', url: photo.url })
    const etag = String(first.headers.etag)
    for (const ifNoneMatch of [etag, `W/${etag}`, `"stale", ${etag}`, '*']) {
      const res = await t.app.inject({ method: 'GET', url: photo.url, headers: { 'if-none-match': ifNoneMatch } })
      expect(res.statusCode).toBe(304)
      expect(res.body).toBe('')
      expect(res.headers).toMatchObject({ etag, 'cache-control': 'public, max-age=31536000, immutable' })
    }
    const other = await t.app.inject({ method: 'GET', url: photo.url, headers: { 'if-none-match': `"${'0'.repeat(64)}"` } })
    expect(other.statusCode).toBe(200)
    expect(other.rawPayload.equals(first.rawPayload)).toBe(true)
  })

  it('answers HEAD with the same headers and no body', async () => {
    const get = await t.app.inject({ method: 'GET', url: photo.thumbUrl })
    const head = await t.app.inject({ method: 'HEAD', url: photo.thumbUrl })
    expect(head.statusCode).toBe(200)
    expect(head.body).toBe('')
    for (const name of ['content-type', 'content-length', 'etag', 'cache-control', 'x-content-type-options']) expect(head.headers[name]).toBe(get.headers[name])
  })

  it('serves the demo photos from the assets folder at their usual URLs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/media/demo/weining-fuji-1.jpg' })
    expect(res.statusCode).toBe(200)
    const onDisk = fs.readFileSync(DEMO_FILE)
    expect(res.rawPayload.equals(onDisk)).toBe(true)
    expect(res.headers).toMatchObject({ 'content-type': 'image/jpeg', etag: `"${sha(onDisk)}"` })
  })

  it('answers 404 in our error shape for a key nothing is stored under', async () => {
    expectNotFound(await t.app.inject({ method: 'GET', url: `/media/u/${'ab'.repeat(12)}.jpg` }))
    expectNotFound(await t.app.inject({ method: 'GET', url: '/media/demo/no-such-photo.jpg' }))
    const head = await t.app.inject({ method: 'HEAD', url: `/media/u/${'cd'.repeat(12)}.thumb.jpg` })
    expect(head.statusCode).toBe(404)
    expect(head.headers['content-type']).toMatch(/application\/json/)
  })

  it.each(['/media/..%2F..%2Fpackage.json', '/media/u/%2e%2e/%2e%2e/etc/passwd', '/media/U/PHOTO.JPG', '/media/u/photo', '/media/', '/media/u%5Cx.jpg'])(
    'answers %s with a 4xx in our error shape',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url })
      expect([400, 404]).toContain(res.statusCode)
      expect(res.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } })
    },
  )

  const fileKeys = () => [photo.url, photo.thumbUrl].map((url) => url.slice('/media/'.length))
  const folderFiles = () => (fs.existsSync(path.join(dataDir, 'media/u')) ? fs.readdirSync(path.join(dataDir, 'media/u')) : [])

  if (mediaStore === 'database') {
    it('keeps the bytes in media_files, nothing in the data folder, and a second instance on the same database serves them', async () => {
      const rows = await t.store.db.select({ key: mediaFiles.key }).from(mediaFiles).where(like(mediaFiles.key, `${photo.key}.%`))
      expect(rows.map((r) => r.key).sort()).toEqual(fileKeys().sort())
      expect(folderFiles()).toEqual([])

      const otherDir = tempDir()
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MEDIA_STORE: 'database', XIANGJI_DATA_DIR: otherDir, XIANGJI_H5_DIR: otherDir })
      const second = await buildApp({ config, store: t.store })
      try {
        const mine = await t.app.inject({ method: 'GET', url: photo.url })
        const theirs = await second.inject({ method: 'GET', url: photo.url })
        expect(theirs.statusCode).toBe(200)
        expect(theirs.rawPayload.equals(mine.rawPayload)).toBe(true)
        expect(theirs.headers.etag).toBe(mine.headers.etag)
      } finally {
        await second.close()
        fs.rmSync(otherDir, { recursive: true, force: true })
      }
    })
  } else {
    it('keeps the bytes as files under <dataDir>/media, none in media_files', async () => {
      expect(folderFiles().sort()).toEqual(fileKeys().map((k) => k.slice(2)).sort())
      expect(await t.store.db.select().from(mediaFiles).where(like(mediaFiles.key, `${photo.key}.%`))).toEqual([])
    })
  }
})

describe('a key that is not safe', () => {
  it.each(['/media/..%2F..%2Fserver%2Fsrc%2Fconfig.ts', '/media/demo/..%2F..%2F..%2Fpackage.json', '/media/u/%2E%2E%2F%2E%2E%2Fx.jpg', '/media/.env', '/media/%2Fetc%2Fpasswd.jpg'])(
    '%s is refused before any store is asked',
    async (url) => {
      const asked: string[] = []
      const spy: MediaStore = {
        put: async () => undefined,
        get: async (key) => {
          asked.push(key)
          return null
        },
        delete: async () => undefined,
      }
      const app = Fastify()
      installErrorHandling(app)
      app.addSchema(ErrorBody)
      await app.register(mediaRoutes, { store: spy, demo: spy })
      try {
        expectNotFound(await app.inject({ method: 'GET', url }))
        expect(asked).toEqual([])
      } finally {
        await app.close()
      }
    },
  )
})

describe('MEDIA_STORE', () => {
  it('defaults to the database with DATABASE_URL and to the folder on the embedded store', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1:5432/xiangji' }).mediaStore).toBe('database')
    expect(loadConfig({}).mediaStore).toBe('folder')
    expect(loadConfig({ MEDIA_STORE: 'database' }).mediaStore).toBe('database')
    expect(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1:5432/xiangji', MEDIA_STORE: 'folder' }).mediaStore).toBe('folder')
  })

  it('refuses any other value with a message naming the variable', () => {
    expect(() => loadConfig({ MEDIA_STORE: 's3' })).toThrow(ConfigError)
    expect(() => loadConfig({ MEDIA_STORE: 's3' })).toThrow('MEDIA_STORE: must be one of database, folder, got "s3"')
  })
})
