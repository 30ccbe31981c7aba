/**
 * Unused uploads are deleted a day after upload, on each media store: the hourly durable job
 * removes the media row and both stored files of a photo nothing shows, and keeps photos a
 * product, a farmer's portrait or an after-sale claim shows, and photos less than a day old.
 * One job row per hour however many instances schedule it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { buildApp } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { farmers, jobs, media, mediaFiles } from '../../server/src/db/schema'
import { MEDIA_CLEANUP_JOB } from '../../server/src/modules/uploads'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative, addProduct } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addProduceFarmer, filed, photoOf, shippedOrder } from './after-sales-fixtures'
import type { TestFarmer } from './fulfilment-fixtures'

const HOUR = 3_600_000
const T0 = new Date('2026-05-04T08:30:00Z')

describe.each(['database', 'folder'] as const)('MEDIA_STORE=%s', (mediaStore) => {
  let now = T0
  let t: TestApp
  let dataDir: string
  let buyer: TestBuyer
  let zhang: TestFarmer
  /** Uploaded 23 h after the others. */
  let young: string

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-media-cleanup-'))
    t = await startTestApp({ MEDIA_STORE: mediaStore, XIANGJI_DATA_DIR: dataDir }, { clock: () => now })
    const coop = await addCooperative(t.store.db)
    zhang = await addProduceFarmer(t, coop.id, '张国华')
    buyer = await addBuyer(t)
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const served = async (key: string) => {
    const [display, thumb] = await Promise.all(['.jpg', '.thumb.jpg'].map((ext) => t.app.inject({ method: 'GET', url: `/media/${key}${ext}` })))
    return [display.statusCode, thumb.statusCode]
  }
  const hasRow = async (key: string) => (await t.store.db.select().from(media).where(eq(media.key, key))).length === 1
  /** The stored bytes themselves, looked up where this store keeps them. */
  const storedFiles = async (key: string) =>
    mediaStore === 'database'
      ? (await t.store.db.select({ key: mediaFiles.key }).from(mediaFiles).where(inArray(mediaFiles.key, [`${key}.jpg`, `${key}.thumb.jpg`]))).length
      : ['.jpg', '.thumb.jpg'].filter((ext) => fs.existsSync(path.join(dataDir, 'media', `${key}${ext}`))).length
  const pendingCleanups = () =>
    t.store.db.select().from(jobs).where(and(eq(jobs.kind, MEDIA_CLEANUP_JOB), isNull(jobs.doneAt)))

  it('a day later, deletes the unused upload (row and bytes) and keeps the used and the young ones', async () => {
    const unused = await photoOf(t, buyer)
    const onProduct = await photoOf(t, buyer)
    const portrait = await photoOf(t, buyer)
    const onClaim = await photoOf(t, buyer)
    await addProduct(t.store.db, zhang.id, { title: '第二批苹果', photos: ['demo/weining-fuji-1', onProduct] })
    await t.store.db.update(farmers).set({ photoUrl: portrait }).where(eq(farmers.id, zhang.id))
    const order = await shippedOrder(t, buyer, zhang, [{ specId: zhang.specIds[0], quantity: 2 }], true)
    await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [onClaim], lines: [{ orderItemId: order.lineOf.get(zhang.specIds[0])!.id, affected: 1 }] })

    now = new Date(T0.getTime() + 23 * HOUR)
    young = await photoOf(t, buyer)
    for (const key of [unused, onProduct, portrait, onClaim, young]) expect(await storedFiles(key)).toBe(2)

    now = new Date(T0.getTime() + 25 * HOUR)
    await t.app.jobs.runDue(now)

    expect(await hasRow(unused)).toBe(false)
    expect(await storedFiles(unused)).toBe(0)
    expect(await served(unused)).toEqual([404, 404])
    for (const key of [onProduct, portrait, onClaim, young]) {
      expect(await hasRow(key)).toBe(true)
      expect(await storedFiles(key)).toBe(2)
      expect(await served(key)).toEqual([200, 200])
    }
  })

  it('the young upload goes too once it is a day old and still unused', async () => {
    now = new Date(T0.getTime() + 48 * HOUR)
    await t.app.jobs.runDue(now)
    expect(await hasRow(young)).toBe(false)
    expect(await storedFiles(young)).toBe(0)
  })

  it('keeps one pending cleanup, for the next hour, however many instances start on the store', async () => {
    const nextHour = new Date('2026-05-06T09:00:00Z') // the hour after the last run at 08:30
    expect((await pendingCleanups()).map((j) => j.runAt.toISOString())).toEqual([nextHour.toISOString()])

    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-media-cleanup-'))
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MEDIA_STORE: mediaStore, XIANGJI_DATA_DIR: otherDir, XIANGJI_H5_DIR: otherDir })
    const second = await buildApp({ config, store: t.store, clock: () => now })
    try {
      expect(await pendingCleanups()).toHaveLength(1)
    } finally {
      await second.close()
      fs.rmSync(otherDir, { recursive: true, force: true })
    }
  })
})
