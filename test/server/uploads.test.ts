import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { media } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { signInBuyer, testJpeg, upload, type Actor } from './farmer-listings-fixtures'

let t: TestApp
let dataDir: string
let alice: Actor
let bob: Actor
let baseUrl: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-uploads-'))
  t = await startTestApp({ XIANGJI_DATA_DIR: dataDir })
  const address = t.app.server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${address.port}`
  alice = await signInBuyer(t)
  bob = await signInBuyer(t)
})
afterAll(async () => {
  await t.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const storedFiles = () => (fs.existsSync(path.join(dataDir, 'media/u')) ? fs.readdirSync(path.join(dataDir, 'media/u')) : [])

function expectJsonError(res: { statusCode: number; headers: Record<string, unknown>; json: () => { error: { code: string } } }, status: number) {
  expect(res.statusCode).toBe(status)
  expect(String(res.headers['content-type'])).toMatch(/application\/json/)
  expect(typeof res.json().error.code).toBe('string')
}

describe('a photo with GPS in its EXIF', () => {
  it('is served upright, resized and with no EXIF or GPS left', async () => {
    const original = await testJpeg({ width: 1200, height: 900, gps: true })
    const originalMeta = await sharp(original).metadata()
    expect(originalMeta.exif?.includes('WGS-84')).toBe(true) // the test input really carries GPS
    expect(originalMeta.orientation).toBe(6)

    const res = await upload(t, alice, original, { uploadId: 'gps-photo-0001' })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body.key).toMatch(/^u\/[0-9a-f]{24}$/)
    expect(body).toMatchObject({ url: `/media/${body.key}.jpg`, thumbUrl: `/media/${body.key}.thumb.jpg`, width: 750, height: 1000 })

    for (const [url, width] of [[body.url, 750], [body.thumbUrl, 360]] as const) {
      const served = await fetch(baseUrl + url)
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toMatch(/image\/jpeg/)
      const bytes = Buffer.from(await served.arrayBuffer())
      const meta = await sharp(bytes).metadata()
      expect(meta).toMatchObject({ format: 'jpeg', width })
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.orientation).toBeUndefined()
      for (const marker of ['Exif', 'GPS', 'WGS-84', 'VillagePhone']) expect(bytes.includes(marker)).toBe(false)
    }
  })
})

describe('Upload-Id', () => {
  it('makes a retry return the first result and store the photo once', async () => {
    const before = storedFiles().length
    const bytes = await testJpeg({ width: 640, height: 480 })
    const first = await upload(t, alice, bytes, { uploadId: 'retry-me-12345' })
    const second = await upload(t, alice, bytes, { uploadId: 'retry-me-12345' })
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(200)
    expect(second.json()).toEqual(first.json())
    const rows = await t.store.db.select().from(media).where(eq(media.uploadId, 'retry-me-12345'))
    expect(rows).toHaveLength(1)
    expect(storedFiles().length).toBe(before + 2) // one display size + one thumbnail
  })

  it('refuses the same id with another photo (409) and stores nothing for it', async () => {
    const first = await upload(t, alice, await testJpeg({ width: 640, height: 480 }), { uploadId: 'reused-id-0001' })
    expect(first.statusCode).toBe(201)
    const before = storedFiles().length
    const other = await upload(t, alice, await testJpeg({ width: 480, height: 640 }), { uploadId: 'reused-id-0001' })
    expect(other.statusCode).toBe(409)
    expect(other.json()).toEqual({ error: { code: 'UPLOAD_ID_REUSED', message: expect.any(String) } })
    expect(storedFiles().length).toBe(before)
    expect(await t.store.db.select().from(media).where(eq(media.uploadId, 'reused-id-0001'))).toHaveLength(1)
  })

  it('stores concurrent retries once', async () => {
    const bytes = await testJpeg({ width: 500, height: 500 })
    const results = await Promise.all([1, 2, 3].map(() => upload(t, alice, bytes, { uploadId: 'concurrent-0001' })))
    expect(new Set(results.map((r) => r.json().key)).size).toBe(1)
    expect(await t.store.db.select().from(media).where(eq(media.uploadId, 'concurrent-0001'))).toHaveLength(1)
    const key = results[0].json().key.slice(2)
    expect(storedFiles().filter((f) => f.startsWith(key))).toHaveLength(2)
  })

  it('is per user: another user with the same id gets their own photo', async () => {
    const bytes = await testJpeg({ width: 300, height: 300 })
    const a = await upload(t, alice, bytes, { uploadId: 'shared-id-0001' })
    const b = await upload(t, bob, bytes, { uploadId: 'shared-id-0001' })
    expect(b.statusCode).toBe(201)
    expect(b.json().key).not.toBe(a.json().key)
  })

  it.each(['short', 'has spaces in it', 'x'.repeat(65), '../../etc/passwd'])('refuses the malformed id %j', async (uploadId) => {
    expectJsonError(await upload(t, alice, await testJpeg(), { uploadId }), 400)
  })
})

describe('what is refused', () => {
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(2000, 0x90)])
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x00)])
  const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>')

  it.each([
    ['an ELF executable renamed .jpg', elf, 'image/jpeg'],
    ['a Windows executable', exe, 'application/octet-stream'],
    ['an HTML page sent as PNG', html, 'image/png'],
    ['an SVG sent as WebP', svg, 'image/webp'],
  ])('%s → 415', async (_what, bytes, contentType) => {
    const before = storedFiles().length
    const res = await upload(t, alice, bytes, { contentType })
    expectJsonError(res, 415)
    expect(res.json().error.code).toBe('UNSUPPORTED_IMAGE_TYPE')
    expect(storedFiles().length).toBe(before)
  })

  it('a body that is not an image type at all → 415', async () => {
    expectJsonError(await upload(t, alice, html, { contentType: 'text/html' }), 415)
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: alice.auth, payload: { file: 'x' } })
    expectJsonError(json, 415)
  })

  it('more than 5 MB → 413', async () => {
    const big = Buffer.concat([await testJpeg(), Buffer.alloc(5 * 1024 * 1024, 0x00)])
    const res = await upload(t, alice, big)
    expectJsonError(res, 413)
    expect(res.json().error.code).toBe('BODY_TOO_LARGE')
  })

  it.each([
    ['a JPEG with a ZIP after its end', async () => Buffer.concat([await testJpeg(), Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 0x41)])],
    ['a JPEG with a script after its end', async () => Buffer.concat([await testJpeg(), Buffer.from('<script>alert(document.cookie)</script>')])],
    ['a PNG with HTML after IEND', async () => Buffer.concat([await sharp({ create: { width: 40, height: 40, channels: 3, background: '#fff' } }).png().toBuffer(), Buffer.from('<html>')])],
    ['a file that starts as JPEG but is not one', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]), Buffer.from('#!/bin/sh\nrm -rf /\n'), Buffer.from([0xff, 0xd9])])],
    ['a truncated JPEG', async () => (await testJpeg()).subarray(0, 2000)],
  ])('%s → 422', async (_what, make) => {
    const before = storedFiles().length
    const res = await upload(t, alice, await make())
    expectJsonError(res, 422)
    expect(res.json().error.code).toBe('INVALID_IMAGE')
    expect(storedFiles().length).toBe(before)
  })

  it('an empty body → 400, no session → 401', async () => {
    expectJsonError(await upload(t, alice, Buffer.alloc(0)), 400)
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { 'content-type': 'image/jpeg' }, payload: await testJpeg() })
    expectJsonError(anonymous, 401)
  })
})

describe('other image types', () => {
  it.each([
    ['PNG', 'image/png', () => sharp({ create: { width: 900, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer()],
    ['WebP', 'image/webp', () => sharp({ create: { width: 400, height: 300, channels: 3, background: '#c33' } }).webp().toBuffer()],
  ])('%s is accepted and served as JPEG (small ones are not enlarged)', async (_name, contentType, make) => {
    const res = await upload(t, alice, await make(), { contentType })
    expect(res.statusCode).toBe(201)
    const served = await fetch(baseUrl + res.json().url)
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('jpeg')
    expect(res.json().width).toBeLessThanOrEqual(750)
  })
})
