/**
 * A durable job that keeps failing ends in a terminal failed state after its kind's last attempt
 * (done_at and failed_at set, last_error kept, never run again), and the cooperative's manager
 * finds it in GET /api/v1/coop/failed-jobs — another cooperative's manager does not.
 */
import { eq } from 'drizzle-orm'
import { jobs, shippingUploads } from '../../server/src/db/schema'
import { DEFAULT_MAX_ATTEMPTS, MAX_ATTEMPTS, maxAttemptsOf } from '../../server/src/jobs/job-policy'
import { LABELLED_KINDS } from '../../server/src/modules/job-failures'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addManager, type Auth } from './coop-support'
import { addSignedInFarmer, placeAndPay, ship, type TestFarmer } from './fulfilment-fixtures'

let now = new Date('2026-11-28T02:00:00Z')
let t: TestApp
let farmer: TestFarmer
let buyer: TestBuyer
let manager: Auth
let otherManager: Auth
const SHIPPING_ATTEMPTS = maxAttemptsOf('upload_shipping_info')

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db)
  const other = await addCooperative(t.store.db, { name: '修文县猕猴桃合作社' })
  farmer = await addSignedInFarmer(t, coop.id, '张国华')
  buyer = await addBuyer(t)
  manager = await addManager(t, coop.id)
  otherManager = await addManager(t, other.id)
})
afterAll(() => t.close())

const shippingJob = async (orderId: number) => (await t.store.db.select().from(jobs).where(eq(jobs.dedupeKey, `shipping-info:order:${orderId}`)))[0]
const uploadStatus = async (orderId: number) => (await t.store.db.select({ status: shippingUploads.status }).from(shippingUploads).where(eq(shippingUploads.orderId, orderId)))[0]?.status
const failedJobs = (auth: Auth | Record<string, never>, query = '') => t.app.inject({ method: 'GET', url: `/api/v1/coop/failed-jobs${query}`, headers: auth })

/** A paid, shipped order whose shipping-info upload WeChat refuses with 10060001 at each of its attempts. */
async function shippedOrderWeChatKeepsRefusing(trackingNo: string): Promise<{ orderId: number }> {
  const { orderIds } = await placeAndPay(t, buyer, [{ specId: farmer.specIds[0], quantity: 1 }])
  expect((await ship(t, farmer, [{ orderId: orderIds[0], carrier: 'ZTO', trackingNo }])).statusCode).toBe(200)
  t.app.sandbox!.shipping!.failNext(SHIPPING_ATTEMPTS, 10060001)
  return { orderId: orderIds[0] }
}

/** Runs the jobs often enough, two hours apart (past any backoff), for `times` attempts. */
async function runAttempts(times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    now = new Date(now.getTime() + 2 * 3600_000)
    await t.app.jobs.runDue(now)
  }
}

describe('a job that keeps failing', () => {
  it('is retried until its last attempt, then ends failed with its last error and is not retried', async () => {
    const { orderId } = await shippedOrderWeChatKeepsRefusing('7531200000001')
    await runAttempts(SHIPPING_ATTEMPTS - 1)
    expect(await shippingJob(orderId)).toMatchObject({ attempts: SHIPPING_ATTEMPTS - 1, doneAt: null, failedAt: null, lastError: expect.stringContaining('10060001') })
    expect(await uploadStatus(orderId)).toBe('pending')

    await runAttempts(1)
    const failed = await shippingJob(orderId)
    expect(failed).toMatchObject({ attempts: SHIPPING_ATTEMPTS, lastError: expect.stringContaining('10060001'), lockedUntil: null })
    expect(failed.failedAt).toEqual(now)
    expect(failed.doneAt).toEqual(now)
    // and the order's shipping-info upload ends failed with it, no longer pending for ever
    expect(await uploadStatus(orderId)).toBe('failed')

    t.app.sandbox!.shipping!.clearFailures()
    await runAttempts(2)
    expect(await shippingJob(orderId)).toMatchObject({ attempts: SHIPPING_ATTEMPTS, failedAt: failed.failedAt })
  })

  it('shows up in its cooperative manager’s list, with what it was for, and in no other cooperative’s', async () => {
    const { orderId } = await shippedOrderWeChatKeepsRefusing('7531200000002')
    await runAttempts(SHIPPING_ATTEMPTS)
    const job = await shippingJob(orderId)

    const res = await failedJobs(manager)
    expect(res.statusCode).toBe(200)
    const mine = res.json().items.find((i: { id: number }) => i.id === job.id)
    expect(mine).toEqual({
      id: job.id,
      kind: 'upload_shipping_info',
      what: '向微信上传发货信息',
      orderId,
      orderNo: expect.any(String),
      attempts: SHIPPING_ATTEMPTS,
      lastError: expect.stringContaining('10060001'),
      createdAt: job.createdAt.toISOString(),
      failedAt: job.failedAt!.toISOString(),
    })

    const theirs = await failedJobs(otherManager)
    expect(theirs.statusCode).toBe(200)
    expect(theirs.json()).toEqual({ items: [], nextCursor: null })
  })

  it('pages newest first by cursor, and refuses a forged cursor, a buyer and a stranger', async () => {
    const older = await shippedOrderWeChatKeepsRefusing('7531200000003')
    const newer = await shippedOrderWeChatKeepsRefusing('7531200000004')
    await runAttempts(SHIPPING_ATTEMPTS)
    const [olderJob, newerJob] = [await shippingJob(older.orderId), await shippingJob(newer.orderId)]

    const first = await failedJobs(manager, '?limit=1')
    expect(first.json().items.map((i: { id: number }) => i.id)).toEqual([newerJob.id])
    expect(first.json().nextCursor).toEqual(expect.any(String))
    const second = await failedJobs(manager, `?limit=1&cursor=${encodeURIComponent(first.json().nextCursor)}`)
    expect(second.json().items.map((i: { id: number }) => i.id)).toEqual([olderJob.id])

    const forged = await failedJobs(manager, '?cursor=not-a-cursor')
    expect([forged.statusCode, forged.json().error.code]).toEqual([400, 'INVALID_CURSOR'])
    expect((await failedJobs(buyer.auth)).statusCode).toBe(403)
    expect((await failedJobs({})).statusCode).toBe(401)
  })
})

describe('the attempt policy', () => {
  it('names a maximum and a Chinese label for every job kind the modules register', () => {
    const kinds = t.app.jobs.kinds()
    expect(kinds.length).toBeGreaterThan(0)
    expect(kinds.filter((k) => MAX_ATTEMPTS[k] === undefined)).toEqual([])
    expect(kinds.filter((k) => !LABELLED_KINDS.includes(k))).toEqual([])
    expect(maxAttemptsOf('some_new_kind')).toBe(DEFAULT_MAX_ATTEMPTS)
  })
})
