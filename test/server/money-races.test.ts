/**
 * The money path under real concurrency. A buyer's cancel, and the unpaid deadline, race WeChat
 * Pay's payment notice (the sandbox cashier's, over real HTTP). On PostgreSQL the two run side
 * by side on separate connections, so a wrong lock order would deadlock; on PGlite they run one
 * after the other. Either way every round must end with: no 5xx anywhere (cancel, notice, jobs),
 * the order paid xor cancelled-and-fully-refunded, and its stock taken once or returned once.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { jobs, payments, refunds } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative, addFarmer, addProduct } from '../support/catalog-builders'
import { addBuyer, placeOrder, stockOf, type TestBuyer } from '../support/order-builders'

const ROUNDS = 30
const T0 = new Date('2026-11-30T02:00:00Z')
let now = T0
let t: TestApp
let spec: number
let buyer: TestBuyer

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db)
  const farmer = await addFarmer(t.store.db, coop.id, { name: '王德明' })
  spec = (await addProduct(t.store.db, farmer.id, { title: '威宁苹果' }, [{ priceFen: 2990, stock: 1000 }])).specs[0].id
  buyer = await addBuyer(t)
})
afterAll(() => t.close())

const sandbox = () => t.app.sandbox!.pay

/** One order of one box, with a prepay at WeChat Pay; returns ids and the prepay. */
async function orderWithPrepay() {
  const placed = await placeOrder(t, buyer, [{ specId: spec, quantity: 1 }])
  expect(placed.statusCode).toBe(201)
  const checkout = placed.json() as { id: number; totalFen: number; expiresAt: string; orders: { id: number }[] }
  const pay = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/pay`, headers: buyer.auth })
  expect(pay.statusCode).toBe(200)
  return { checkout, orderId: checkout.orders[0].id, prepayId: (pay.json().requestPayment.package as string).replace('prepay_id=', '') }
}

/** Lets every notice, job and refund run to the end (refund submission, then its notice). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await sandbox().whenIdle()
    await t.app.jobs.runDue(now)
  }
  await sandbox().whenIdle()
}

/** What the round left behind: the order's status, its succeeded refunds, and every HTTP status WeChat Pay's notices got. */
async function outcome(checkoutId: number, orderId: number, deliveriesBefore: number) {
  const detail = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: buyer.auth })
  const paymentIds = (await t.store.db.select({ id: payments.id }).from(payments).where(eq(payments.checkoutId, checkoutId))).map((p) => p.id)
  const refunded = await t.store.db.select().from(refunds).where(and(eq(refunds.orderId, orderId), inArray(refunds.paymentId, paymentIds)))
  const noticeStatuses = sandbox()
    .deliveries.slice(deliveriesBefore)
    .flatMap((d) => d.attempts.map((a) => a.status))
  const failedJobs = await t.store.db.select({ kind: jobs.kind, lastError: jobs.lastError }).from(jobs).where(and(eq(jobs.dedupeKey, `expire:checkout:${checkoutId}`)))
  return { status: detail.json().status as string, totalFen: detail.json().totalFen as number, refunded, noticeStatuses, jobErrors: failedJobs.filter((j) => j.lastError !== null) }
}

/** Paid and kept (stock taken once), or cancelled/refunded with the whole amount back (stock returned once). */
function expectPaidXorCancelledAndRefunded(o: Awaited<ReturnType<typeof outcome>>, stockBefore: number, stockAfter: number) {
  expect(o.noticeStatuses.length).toBeGreaterThan(0)
  expect(o.noticeStatuses.every((s) => s > 0 && s < 500)).toBe(true)
  expect(o.jobErrors).toEqual([])
  if (o.status === 'paid') {
    expect(o.refunded).toEqual([])
    expect(stockAfter).toBe(stockBefore - 1)
  } else {
    expect(['cancelled', 'refunded']).toContain(o.status)
    expect(o.refunded.every((r) => r.status === 'succeeded')).toBe(true)
    expect(o.refunded.reduce((sum, r) => sum + r.amountFen, 0)).toBe(o.totalFen)
    expect(stockAfter).toBe(stockBefore)
  }
}

describe('when a buyer cancels while WeChat Pay reports the payment', () => {
  it(`in ${ROUNDS} rounds: no 5xx, the money comes back in full, the stock comes back once`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      now = new Date(T0.getTime() + round * 1000)
      const stockBefore = await stockOf(t, spec)
      const { checkout, orderId, prepayId } = await orderWithPrepay()
      const deliveriesBefore = sandbox().deliveries.length
      const [cancel] = await Promise.all([
        t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: buyer.auth, payload: { reason: '不想要了' } }),
        Promise.resolve().then(() => sandbox().userPays(prepayId)),
      ])
      expect(cancel.statusCode).toBe(200)
      await settle()
      const o = await outcome(checkout.id, orderId, deliveriesBefore)
      // A cancel always wins in the end: before the payment (cancelled, the late payment refunded) or after it (refunded).
      expect(['cancelled', 'refunded']).toContain(o.status)
      expectPaidXorCancelledAndRefunded(o, stockBefore, await stockOf(t, spec))
    }
  })
})

describe('when the unpaid deadline passes while WeChat Pay reports the payment', () => {
  it(`in ${ROUNDS} rounds: no 5xx, the order is paid xor cancelled and refunded, the stock taken or returned once`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      now = new Date(T0.getTime() + 3_600_000 + round * 3_600_000)
      const stockBefore = await stockOf(t, spec)
      const { checkout, orderId, prepayId } = await orderWithPrepay()
      const deliveriesBefore = sandbox().deliveries.length
      sandbox().userPays(prepayId)
      // The expiry job's last-minute query fails, so the job itself races the notice already on its way.
      sandbox().failNextCall('SYSTEM_ERROR')
      now = new Date(new Date(checkout.expiresAt).getTime() + 1000)
      await t.app.jobs.runDue(now)
      sandbox().switches.nextCalls.length = 0 // unused when the notice was applied first (no query then)
      await settle()
      expectPaidXorCancelledAndRefunded(await outcome(checkout.id, orderId, deliveriesBefore), stockBefore, await stockOf(t, spec))
    }
  })
})
