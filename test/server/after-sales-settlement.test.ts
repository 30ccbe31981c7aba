/**
 * After-sales money reaching the statements: a claim the farmer never answers goes to the
 * cooperative after 24 h (the durable job, injected clock); the manager's decision refunds the
 * buyer through WeChat Pay (the sandbox) and lands in the statement of whoever bears it — the
 * farmer's, or the cooperative's own line. And a refund WeChat reports ABNORMAL, then SUCCESS,
 * ends deducted like any other.
 */
import { isoWeekOf } from '@domain/weeks'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addManager, type Auth } from './coop-support'
import type { TestFarmer } from './fulfilment-fixtures'
import { addProduceFarmer, filed, refundsOf, shippedOrder, step } from './after-sales-fixtures'

const HOUR = 3_600_000
let now = new Date('2026-12-07T02:00:00Z') // Monday of 2026-W50, China time 10:00
let t: TestApp
let zhang: TestFarmer
let buyer: TestBuyer
let manager: Auth
let apple: number

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db, { commissionBps: 500 })
  zhang = await addProduceFarmer(t, coop.id, '张国华')
  apple = zhang.specIds[0]
  buyer = await addBuyer(t)
  manager = await addManager(t, coop.id)
})
afterAll(() => t.close())

/** Runs due jobs and lets the sandbox settle refunds, twice (send, then the notice). */
async function settle(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await t.app.jobs.runDue(now)
    await t.app.sandbox!.pay.whenIdle()
  }
}

type Statement = { farmerId: number; refundsFen: number; refundsByKind: { kind: string; count: number; goodsFen: number }[] }
type Week = { statements: Statement[]; cooperativeRefunds: { count: number; goodsFen: number } }
const week = async (w: string): Promise<Week> => (await t.app.inject({ method: 'GET', url: `/api/v1/coop/settlements?week=${w}`, headers: manager })).json()
const farmersStatement = (w: Week) => w.statements.find((s) => s.farmerId === zhang.id)!

/** A claim on 3 of 10 boxes that the farmer leaves unanswered for a day: it reaches the manager. */
async function escalatedClaim() {
  const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 10 }], true)
  const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 3 }] })
  now = new Date(now.getTime() + 24 * HOUR - 1000)
  await t.app.jobs.runDue(now)
  expect((await t.app.inject({ method: 'GET', url: `/api/v1/coop/claims/${claim.id}`, headers: manager })).json().status).toBe('open')
  now = new Date(now.getTime() + 2000)
  await t.app.jobs.runDue(now)
  const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/coop/claims?status=escalated', headers: manager })).json()
  expect(queue.items.map((c: { id: number }) => c.id)).toContain(claim.id)
  return { order, claim }
}

describe('a claim the farmer does not answer', () => {
  it('reaches the manager after 24 h; decided as the farmer’s to bear, it is deducted in the farmer’s statement of the week it succeeded', async () => {
    const { order, claim } = await escalatedClaim()
    const w = isoWeekOf(now)
    const before = farmersStatement(await week(w))
    const decided = await step(t, 'coop', manager, claim.id, 'decide', { amountFen: 6000, borneBy: 'farmer', note: '照片可见磕伤，农户承担' })
    expect(decided.json()).toMatchObject({ status: 'decided', settledFen: 6000, borneBy: 'farmer' })
    await settle()
    expect(await refundsOf(t, order.orderId)).toEqual([expect.objectContaining({ kind: 'after_sale', amountFen: 6000, borneBy: 'farmer', status: 'succeeded' })])
    const after = await week(w)
    expect(farmersStatement(after).refundsFen - (before?.refundsFen ?? 0)).toBe(6000)
    expect(farmersStatement(after).refundsByKind).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'after_sale', count: 1, goodsFen: 6000 })]))
    expect(after.cooperativeRefunds.goodsFen).toBe(0)
  })

  it('decided as the cooperative’s to bear, the farmer’s statement is untouched and the cooperative’s line shows it', async () => {
    const { order, claim } = await escalatedClaim()
    const w = isoWeekOf(now)
    const before = await week(w)
    await step(t, 'coop', manager, claim.id, 'decide', { amountFen: 4500, borneBy: 'cooperative', note: '运输途中破损，合作社承担' })
    await settle()
    expect(await refundsOf(t, order.orderId)).toEqual([expect.objectContaining({ amountFen: 4500, borneBy: 'cooperative', status: 'succeeded' })])
    const after = await week(w)
    expect(farmersStatement(after).refundsFen).toBe(farmersStatement(before).refundsFen)
    expect(after.cooperativeRefunds.goodsFen - before.cooperativeRefunds.goodsFen).toBe(4500)
    expect(after.cooperativeRefunds.count - before.cooperativeRefunds.count).toBe(1)
  })
})

describe('a refund WeChat reports ABNORMAL, then SUCCESS', () => {
  it('ends succeeded and is deducted in the statement', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 2 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] })
    const w = isoWeekOf(now)
    const before = farmersStatement(await week(w))
    t.app.sandbox!.pay.switches.nextRefundOutcome = 'ABNORMAL_THEN_SUCCESS'
    await step(t, 'farmer', zhang.auth, claim.id, 'accept')
    await t.app.jobs.runDue(now) // sent; the sandbox answers ABNORMAL, then SUCCESS
    await t.app.sandbox!.pay.whenIdle()
    await settle()
    // it went through ABNORMAL (the reason is kept) and ended succeeded
    expect(await refundsOf(t, order.orderId)).toEqual([expect.objectContaining({ amountFen: 2990, status: 'succeeded', failureReason: expect.stringMatching(/^ABNORMAL/) })])
    expect(farmersStatement(await week(w)).refundsFen - before.refundsFen).toBe(2990)
  })
})
