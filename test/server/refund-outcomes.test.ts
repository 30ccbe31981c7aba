/**
 * What WeChat Pay answers about a refund, played by the sandbox (switches.nextRefundOutcome):
 * success after ABNORMAL, a lost notice settled by the query job, a permanent refusal, a closed
 * refund, transient errors retried under the same out_refund_no — and the cooperative's list of
 * refunds needing attention, with resolving them.
 */
import { eq, sql } from 'drizzle-orm'
import { REFUND_RULES } from '@domain/payment-states'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer } from '../support/order-builders'
import { jobs, salesDaily, users } from '../../server/src/db/schema'
import { enqueue } from '../../server/src/jobs/job-queue'
import { refundableFen, refundsNeedingAttention, resolveRefund } from '../../server/src/modules/payments'
import { drain, later, paidOrder, refund, refundRow, startBench, type Bench } from './refund-support'

const T0 = new Date('2026-11-28T02:00:00Z')
const REFUND_NOTIFY = '/api/v1/refunds/wechat/notify'
let b: Bench
let managerId: number

/**
 * Holds back refund notices from the `holdFrom`-th on until `release()` (a notice WeChat sends
 * later); `firstAnswered` resolves once the first one has been answered by us.
 */
function newGate(holdFrom = Infinity) {
  let release!: () => void
  let answered!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  const firstAnswered = new Promise<void>((resolve) => (answered = resolve))
  return { seen: 0, holdFrom, held, release, firstAnswered, answered }
}
let gate = newGate()
const gatedFetch: typeof fetch = async (input, init) => {
  if (!String(input).includes(REFUND_NOTIFY)) return fetch(input, init)
  const mine = ++gate.seen
  if (mine >= gate.holdFrom) await gate.held
  const answer = await fetch(input, init)
  if (mine === 1) gate.answered()
  return answer
}

beforeAll(async () => {
  b = await startBench(T0, { paySandbox: { fetchImpl: gatedFetch } })
  await addBuyer(b.t, 'manager-openid')
  const [manager] = await b.t.store.db.select().from(users).where(eq(users.openid, 'manager-openid'))
  managerId = manager.id
})
afterAll(() => b.t.close())
beforeEach(() => {
  b.setNow(T0)
  gate = newGate()
})

const sandbox = () => b.t.app.sandbox!.pay
const db = () => b.t.store.db

/** What the sales rollup took back for this farmer's sales. */
async function rollupRefundsFen(farmerId: number): Promise<number> {
  const [row] = await db()
    .select({ fen: sql<string>`coalesce(sum(${salesDaily.refundsFen}), 0)` })
    .from(salesDaily)
    .where(eq(salesDaily.farmerId, farmerId))
  return Number(row.fen)
}

async function jobsOf(refundId: number) {
  return db()
    .select()
    .from(jobs)
    .where(sql`(${jobs.payload}->>'refundId')::bigint = ${refundId}`)
    .orderBy(jobs.id)
}

describe('WeChat Pay’s refund outcomes', () => {
  it('ABNORMAL then SUCCESS ends succeeded and counts in the rollup, once', async () => {
    const order = await paidOrder(b, 1000, 2)
    sandbox().armRefundScenario('ABNORMAL_THEN_SUCCESS')
    const row = await refund(b, order, 600)
    await drain(b)
    const settled = await refundRow(db(), row.id)
    expect(settled).toMatchObject({ status: 'succeeded', succeededAt: T0 })
    expect(settled.settledAt).toEqual(T0) // it was abnormal on the way
    expect(await rollupRefundsFen(order.farmerId)).toBe(600)
    // the queries that follow find it settled and change nothing
    await drain(b, later(T0, 3 * 3600_000))
    expect(await rollupRefundsFen(order.farmerId)).toBe(600)
    expect(await refundableFen(db(), order.id)).toBe(order.totalFen - 600)
  })

  it('an abnormal refund is listed for the manager, can be resolved, and a later SUCCESS still lands', async () => {
    const order = await paidOrder(b, 1000, 2)
    sandbox().armRefundScenario('ABNORMAL_THEN_SUCCESS')
    gate = newGate(2) // the ABNORMAL notice arrives; the SUCCESS one waits
    const row = await refund(b, order, 500)
    await b.t.app.jobs.runDue(T0)
    await gate.firstAnswered
    expect(await refundRow(db(), row.id)).toMatchObject({ status: 'abnormal', settledAt: T0, failureReason: expect.stringContaining('ABNORMAL') })
    expect(await refundableFen(db(), order.id)).toBe(order.totalFen - 500) // it still holds the amount
    expect(await rollupRefundsFen(order.farmerId)).toBe(0)

    const [listed] = (await refundsNeedingAttention(db(), b.coopId)).filter((r) => r.id === row.id)
    expect(listed).toMatchObject({ orderId: order.id, orderNo: order.orderNo, outRefundNo: row.outRefundNo, status: 'abnormal', amountFen: 500, farmerName: '张国华', resolvedAt: null })
    expect(listed.whatToDo).toContain('商户平台')
    const resolvedAt = later(T0, 60_000)
    const resolved = await resolveRefund(db(), b.coopId, row.id, managerId, '已线下转账给买家', resolvedAt)
    expect(resolved).toMatchObject({ status: 'abnormal', resolvedNote: '已线下转账给买家', resolvedAt: resolvedAt.toISOString() })
    expect((await refundsNeedingAttention(db(), b.coopId)).map((r) => r.id)).not.toContain(row.id)

    gate.release()
    await sandbox().whenIdle()
    expect(await refundRow(db(), row.id)).toMatchObject({ status: 'succeeded', succeededAt: T0, resolvedAt, resolvedNote: '已线下转账给买家' })
    expect(await rollupRefundsFen(order.farmerId)).toBe(500)
  })

  it('an abnormal refund keeps being queried, backing off, one job per query, until days have passed; it stays listed', async () => {
    const order = await paidOrder(b, 1000, 1)
    sandbox().armRefundScenario('ABNORMAL')
    const row = await refund(b, order, 200)
    await drain(b)
    expect((await refundRow(db(), row.id)).status).toBe('abnormal')
    const pendingQuery = async () => (await jobsOf(row.id)).find((j) => j.kind === 'query_refund' && j.doneAt === null)
    const first = await pendingQuery()
    expect(first).toMatchObject({ dedupeKey: `refund-query:${row.id}:0`, runAt: later(T0, REFUND_RULES.firstQueryMs) })
    await b.t.app.jobs.runDue(first!.runAt)
    expect(await pendingQuery()).toMatchObject({ dedupeKey: `refund-query:${row.id}:1`, runAt: later(first!.runAt, 2 * 60_000) })
    // run each query when it is due, until none is scheduled any more
    let last = first!.runAt
    for (let next = await pendingQuery(); next; next = await pendingQuery()) {
      last = next.runAt
      await b.t.app.jobs.runDue(next.runAt)
    }
    const queries = (await jobsOf(row.id)).filter((j) => j.kind === 'query_refund')
    expect(queries.map((j) => j.dedupeKey)).toEqual(queries.map((_, n) => `refund-query:${row.id}:${n}`))
    expect(last.getTime() - T0.getTime()).toBeGreaterThan(13 * 24 * 3600_000)
    expect(last.getTime() - T0.getTime()).toBeLessThan(15 * 24 * 3600_000)
    expect(queries.every((j) => j.lastError === null)).toBe(true)
    expect((await refundRow(db(), row.id)).status).toBe('abnormal')
    expect((await refundsNeedingAttention(db(), b.coopId)).map((r) => r.id)).toContain(row.id)
  })

  it('a lost refund notice is settled by the query job', async () => {
    const order = await paidOrder(b, 1000, 1)
    sandbox().armRefundScenario('SUCCESS_NOTICE_LOST')
    const row = await refund(b, order, 400)
    await drain(b)
    expect(await refundRow(db(), row.id)).toMatchObject({ status: 'processing', submittedAt: T0 })
    expect(await rollupRefundsFen(order.farmerId)).toBe(0)
    const aMinuteOn = later(T0, REFUND_RULES.firstQueryMs + 1000)
    b.setNow(aMinuteOn)
    await drain(b, aMinuteOn)
    expect(await refundRow(db(), row.id)).toMatchObject({ status: 'succeeded', succeededAt: aMinuteOn })
    expect(await rollupRefundsFen(order.farmerId)).toBe(400)
  })

  it('a permanent refusal ends failed, with WeChat’s reason, is not retried, and is listed for the manager', async () => {
    const order = await paidOrder(b, 1000, 1)
    sandbox().armRefundScenario('REFUSED')
    const row = await refund(b, order, order.totalFen)
    await drain(b)
    const failed = await refundRow(db(), row.id)
    expect(failed).toMatchObject({ status: 'failed', settledAt: T0, succeededAt: null })
    expect(failed.failureReason).toMatch(/^USER_ACCOUNT_ABNORMAL: .+/)
    const [submit] = await jobsOf(row.id)
    expect(submit).toMatchObject({ kind: 'submit_refund', attempts: 1, lastError: null })
    expect(submit.doneAt).not.toBeNull()
    // a day later nothing has asked WeChat again
    await drain(b, later(T0, 24 * 3600_000))
    expect(await jobsOf(row.id)).toHaveLength(1)
    expect((await refundRow(db(), row.id)).status).toBe('failed')
    // a failed refund holds nothing: the whole order can be refunded another way
    expect(await refundableFen(db(), order.id)).toBe(order.totalFen)

    const listed = (await refundsNeedingAttention(db(), b.coopId)).find((r) => r.id === row.id)
    expect(listed).toMatchObject({ orderNo: order.orderNo, farmerName: '张国华', status: 'failed', failureReason: failed.failureReason, kind: 'after_sale' })
    const otherCoop = await addCooperative(db(), { name: '修文县猕猴桃合作社' })
    expect((await refundsNeedingAttention(db(), otherCoop.id)).map((r) => r.id)).not.toContain(row.id)
    await expect(resolveRefund(db(), otherCoop.id, row.id, managerId, '不是我们的', T0)).rejects.toMatchObject({ code: 'NOT_FOUND', statusCode: 404 })
    expect((await resolveRefund(db(), b.coopId, row.id, managerId, '已在商户平台退款', T0)).resolvedNote).toBe('已在商户平台退款')
    expect((await refundsNeedingAttention(db(), b.coopId)).map((r) => r.id)).not.toContain(row.id)
  })

  it('only an abnormal or failed refund can be resolved', async () => {
    const order = await paidOrder(b, 1000, 1)
    const row = await refund(b, order, 100)
    await drain(b)
    expect((await refundRow(db(), row.id)).status).toBe('succeeded')
    await expect(resolveRefund(db(), b.coopId, row.id, managerId, '看错了', T0)).rejects.toMatchObject({ code: 'REFUND_NOT_RESOLVABLE' })
  })

  it('a closed refund frees the amount for a new refund', async () => {
    const order = await paidOrder(b, 1000, 1)
    sandbox().armRefundScenario('CLOSED')
    const closed = await refund(b, order, order.totalFen)
    await drain(b)
    expect(await refundRow(db(), closed.id)).toMatchObject({ status: 'closed', settledAt: T0, succeededAt: null })
    expect(await refundableFen(db(), order.id)).toBe(order.totalFen)
    expect(await rollupRefundsFen(order.farmerId)).toBe(0)

    const again = await refund(b, order, order.totalFen)
    expect(again.outRefundNo).toBe(`${order.orderNo}R2`)
    await drain(b, later(T0, REFUND_RULES.spacingMs))
    expect((await refundRow(db(), again.id)).status).toBe('succeeded')
    expect(await rollupRefundsFen(order.farmerId)).toBe(order.totalFen)
  })

  it('a retried submit reuses the out_refund_no: WeChat refunds once, however often we ask', async () => {
    const order = await paidOrder(b, 1000, 1)
    gate = newGate(1) // no refund notice reaches us until the end: only our own calls tell
    // the whole order, so that any second refund at WeChat Pay would be refused as too much
    const row = await refund(b, order, order.totalFen)
    const submitError = async () => (await jobsOf(row.id)).find((j) => j.kind === 'submit_refund')!.lastError

    sandbox().failNextCall('SYSTEM_ERROR')
    await b.t.app.jobs.runDue(T0)
    expect(await submitError()).toContain('SYSTEM_ERROR')
    expect(await refundRow(db(), row.id)).toMatchObject({ status: 'processing', submittedAt: T0 })

    // 429, outcome unknown: we ask first; WeChat has nothing, so the create is retried later
    sandbox().failNextCall('RATELIMIT_EXCEEDED')
    await b.t.app.jobs.runDue(later(T0, 10_000))
    expect(await submitError()).toContain('429')

    // WeChat takes it, but its answer cannot be verified: still unknown to us
    sandbox().failNextCall('UNSIGNED_RESPONSE')
    await b.t.app.jobs.runDue(later(T0, 30_000))
    expect(await submitError()).toContain('INVALID_RESPONSE_SIGNATURE')
    expect((await refundRow(db(), row.id)).status).toBe('processing')

    // the next try sends the same out_refund_no: WeChat answers with the refund it already has
    await b.t.app.jobs.runDue(later(T0, 120_000))
    expect(await submitError()).toBeNull()
    const done = await refundRow(db(), row.id)
    expect(done.outRefundNo).toBe(row.outRefundNo)
    expect(done.submittedAt).toEqual(T0)
    expect(done.refundId).toMatch(/^\d+$/)
    gate.release()
    await drain(b, later(T0, 10 * 60_000))
    expect(await refundRow(db(), row.id)).toMatchObject({ status: 'succeeded', outRefundNo: row.outRefundNo, refundId: done.refundId })
    expect(await rollupRefundsFen(order.farmerId)).toBe(order.totalFen)
  })

  it('a refund WeChat never received is sent again under the same number when the query finds nothing', async () => {
    const order = await paidOrder(b, 1000, 1)
    const row = await refund(b, order, 300)
    // its submit went missing (as if WeChat never got it); the query is what remains
    await db().update(jobs).set({ doneAt: T0 }).where(eq(jobs.dedupeKey, `refund:${row.id}`))
    await enqueue(db(), { kind: 'query_refund', dedupeKey: `refund-query:${row.id}:0`, payload: { refundId: row.id, n: 0 }, runAt: T0 })
    await drain(b)
    const sent = await jobsOf(row.id)
    expect(sent.map((j) => j.dedupeKey)).toEqual(expect.arrayContaining([`refund-query:${row.id}:0`, `refund:${row.id}:again:0`]))
    expect(await refundRow(db(), row.id)).toMatchObject({ status: 'succeeded', outRefundNo: row.outRefundNo })
    // the query after the new send has its own job (number 1), not the first one's
    expect(sent.map((j) => j.dedupeKey)).toContain(`refund-query:${row.id}:1`)
  })
})
