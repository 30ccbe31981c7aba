/**
 * Weekly statements: live drafts, confirmation freezes the figures (a confirmed statement never
 * changes), a refund counts in the China week it succeeded — in the statement of the farmer who
 * bears it and in the weekly report alike, whichever week the order was sold in — and is taken
 * once; refunds the cooperative bears stay out of the farmer's statement and show on the
 * cooperative's line; refunds by kind; a refund that missed its confirmed week (old data) lands
 * in the next unconfirmed one; payment with a reference, a farmer's own statements, and another
 * cooperative's manager sees nothing.
 */
import { eq } from 'drizzle-orm'
import { farmers, refunds, settlementRefunds, userRoles } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addManager, buyAndPay, cancelPaid, coopFixture, refundThroughLedger, type Auth } from './coop-support'

let now = new Date('2026-11-25T02:00:00Z') // Wednesday, 2026-W48
let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
let buyer: TestBuyer
let orderA: number
let orderB: number
let orderC: number
let orderE: number

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  fx = await coopFixture(t)
  buyer = await addBuyer(t)
  orderA = (await buyAndPay(t, buyer, [{ specId: fx.appleSpec, quantity: 2 }])).orders[0].id // 5980
  now = new Date('2026-11-26T02:00:00Z')
  orderB = (await buyAndPay(t, buyer, [{ specId: fx.appleSpec, quantity: 1 }])).orders[0].id // 2990
  orderC = (await buyAndPay(t, buyer, [{ specId: fx.potatoSpec, quantity: 10 }])).orders[0].id // 3500 + 600 shipping
  now = new Date('2026-11-27T02:00:00Z')
  await cancelPaid(t, buyer, orderB, now) // refunded within the week
})
afterAll(() => t.close())

type Statement = Record<string, unknown> & { farmerId: number; refundsFen: number; shippingFen: number; refundsByKind: { kind: string; count: number; goodsFen: number; shippingFen: number }[] }
type List = { statements: Statement[]; totals: { refundsFen: number; shippingFen: number; netFen: number }; cooperativeRefunds: { count: number; goodsFen: number; shippingFen: number } }
const get = (url: string, headers: Auth = fx.manager) => t.app.inject({ method: 'GET', url, headers })
const post = (url: string, payload?: object, headers: Auth = fx.manager) => t.app.inject({ method: 'POST', url, headers, payload })
const list = async (week: string): Promise<List> => (await get(`/api/v1/coop/settlements?week=${week}`)).json()
const report = async (week: string) => (await get(`/api/v1/coop/reports/weekly?week=${week}`)).json()
const of = (body: List, farmerId: number) => body.statements.find((s) => s.farmerId === farmerId)
const NO_COOP_REFUNDS = { count: 0, goodsFen: 0, shippingFen: 0, byKind: [] }

describe('statements of a week', () => {
  it('are live drafts for every member with sales, and a week in progress cannot be confirmed', async () => {
    const w48 = await list('2026-W48')
    expect(w48).toMatchObject({ weekOver: false, cooperativeRefunds: NO_COOP_REFUNDS })
    expect(of(w48, fx.zhang.id)).toMatchObject({ status: 'draft', orders: 2, grossFen: 8970, refundsFen: 2990, commissionBps: 500, commissionFen: 299, shippingFen: 0, adjustmentsFen: 0, netFen: 5681 })
    expect(of(w48, fx.zhang.id)!.refundsByKind).toEqual([{ kind: 'buyer_cancel', count: 1, goodsFen: 2990, shippingFen: 0 }])
    expect(of(w48, fx.li.id)).toMatchObject({ status: 'draft', orders: 1, grossFen: 3500, refundsFen: 0, commissionFen: 175, shippingFen: 600, netFen: 3500 - 175 + 600, refundsByKind: [] })
    expect(w48.totals.netFen).toBe(5681 + 3925)
    const early = await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/confirm`)
    expect(early.statusCode).toBe(409)
    expect(early.json().error.code).toBe('WEEK_NOT_OVER')
  })

  it('confirming freezes the figures; a refund afterwards never changes the confirmed statement', async () => {
    now = new Date('2026-11-30T01:00:00Z') // Monday of 2026-W49
    const confirmed = await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/confirm`)
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', grossFen: 8970, refundsFen: 2990, commissionFen: 299, netFen: 5681, confirmedAt: now.toISOString() })
    expect(confirmed.json().refundsByKind).toEqual([{ kind: 'buyer_cancel', count: 1, goodsFen: 2990, shippingFen: 0 }])

    // the buyer cancels order A (sold in W48) during W49, after Zhang's W48 was confirmed
    now = new Date('2026-12-01T02:00:00Z')
    await cancelPaid(t, buyer, orderA, now)
    // and order C, whose W48 statement (Li's) is still a draft: it too counts in W49, not in W48
    await cancelPaid(t, buyer, orderC, now)
    // a new commission applies to statements confirmed from now on only
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/coop/commission', headers: fx.manager, payload: { bps: 800 } })).json()).toEqual({ commissionBps: 800 })

    const w48 = await list('2026-W48')
    expect(of(w48, fx.zhang.id)).toEqual(confirmed.json())
    expect(of(w48, fx.li.id)).toMatchObject({ status: 'draft', grossFen: 3500, refundsFen: 0, commissionBps: 800, commissionFen: 280, shippingFen: 600, netFen: 3500 - 280 + 600, refundsByKind: [] })
    const again = await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/confirm`)
    expect(again.json()).toEqual(confirmed.json())
  })

  it('a refund of last week’s sale that succeeds this week counts in this week’s statement and this week’s report, the same figure', async () => {
    const w49 = await list('2026-W49')
    // Zhang: 5980 of goods back; the 8 % commission on the negative base comes back too (−478.4 → −478)
    expect(of(w49, fx.zhang.id)).toMatchObject({ status: 'draft', orders: 0, grossFen: 0, refundsFen: 5980, commissionFen: -478, shippingFen: 0, adjustmentsFen: 0, netFen: -5980 + 478, adjustments: [] })
    expect(of(w49, fx.zhang.id)!.refundsByKind).toEqual([{ kind: 'buyer_cancel', count: 1, goodsFen: 5980, shippingFen: 0 }])
    // Li: the goods and the shipping fee go back
    expect(of(w49, fx.li.id)).toMatchObject({ orders: 0, refundsFen: 3500, commissionFen: -280, shippingFen: -600, netFen: -3500 + 280 - 600 })
    expect(of(w49, fx.li.id)!.refundsByKind).toEqual([{ kind: 'buyer_cancel', count: 1, goodsFen: 3500, shippingFen: 600 }])

    const r49 = await report('2026-W49')
    expect(r49.totals.refundsFen).toBe(9480)
    expect(r49.totals.refundsFen).toBe(w49.totals.refundsFen + w49.cooperativeRefunds.goodsFen)
    expect(r49.refundsByKind).toEqual([{ kind: 'buyer_cancel', count: 2, goodsFen: 9480, shippingFen: 600 }])
    expect(r49.cooperativeRefunds).toEqual(NO_COOP_REFUNDS)
    const [r48, w48] = [await report('2026-W48'), await list('2026-W48')]
    expect(r48.totals.refundsFen).toBe(2990)
    expect(r48.totals.refundsFen).toBe(w48.totals.refundsFen + w48.cooperativeRefunds.goodsFen)
  })

  it('each refund is taken once: the confirmed week holds it, the next week does not see it again', async () => {
    now = new Date('2026-12-07T01:00:00Z') // 2026-W50
    const frozen = await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W49/confirm`)
    expect(frozen.json()).toMatchObject({ status: 'confirmed', refundsFen: 5980, commissionFen: -478, netFen: -5502 })
    expect(frozen.json().refundsByKind).toEqual([{ kind: 'buyer_cancel', count: 1, goodsFen: 5980, shippingFen: 0 }])
    expect(of(await list('2026-W50'), fx.zhang.id)).toBeUndefined()
    expect(of(await list('2026-W49'), fx.zhang.id)).toEqual(frozen.json())
    // B taken by Zhang's W48, A by his W49; C (Li's) still open in her W49 draft
    const taken = await t.store.db.select().from(settlementRefunds).orderBy(settlementRefunds.refundId)
    expect(taken.map((r) => [r.refundId, r.farmerId, r.kind, r.goodsFen])).toEqual([
      [expect.any(Number), fx.zhang.id, 'refund', 2990],
      [expect.any(Number), fx.zhang.id, 'refund', 5980],
    ])
    expect(new Set(taken.map((r) => r.settlementId)).size).toBe(2)
  })

  it('is paid with a reference once confirmed', async () => {
    const url = `/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/pay`
    const paid = await post(url, { paymentRef: 'WX20261207001' })
    expect(paid.statusCode).toBe(200)
    expect(paid.json()).toMatchObject({ status: 'paid', paymentRef: 'WX20261207001', netFen: 5681, paidAt: now.toISOString() })
    expect(paid.json().refundsByKind).toEqual([{ kind: 'buyer_cancel', count: 1, goodsFen: 2990, shippingFen: 0 }])
    expect((await post(url, { paymentRef: 'WX20261207001' })).statusCode).toBe(200)
    expect((await post(url, { paymentRef: 'OTHER' })).json().error.code).toBe('SETTLEMENT_ALREADY_PAID')
    const draft = await post(`/api/v1/coop/settlements/${fx.li.id}/2026-W48/pay`, { paymentRef: 'X1' })
    expect(draft.statusCode).toBe(409)
    expect(draft.json().error.code).toBe('SETTLEMENT_NOT_CONFIRMED')
    const nothing = await post(`/api/v1/coop/settlements/${fx.li.id}/2026-W45/confirm`)
    expect(nothing.json().error.code).toBe('NOTHING_TO_SETTLE')
  })

  it('a refund the cooperative bears is not taken from the farmer and shows on the cooperative’s line', async () => {
    now = new Date('2026-12-08T02:00:00Z') // Tuesday of 2026-W50
    const orderD = (await buyAndPay(t, buyer, [{ specId: fx.potatoSpec, quantity: 4 }])).orders[0].id // Li: 1400 + 600 shipping
    orderE = (await buyAndPay(t, buyer, [{ specId: fx.appleSpec, quantity: 1 }])).orders[0].id // Zhang: 2990
    await refundThroughLedger(t, orderD, { kind: 'after_sale', amountFen: 700, borneBy: 'cooperative' }, now)
    await refundThroughLedger(t, orderE, { kind: 'after_sale', amountFen: 500 }, now)
    now = new Date('2026-12-08T02:05:00Z') // refunds of one payment are spaced a minute apart
    await refundThroughLedger(t, orderE, { kind: 'weight_adjustment', amountFen: 300 }, now)

    const w50 = await list('2026-W50')
    expect(of(w50, fx.li.id)).toMatchObject({ orders: 1, grossFen: 1400, refundsFen: 0, commissionFen: 112, shippingFen: 600, netFen: 1400 - 112 + 600, refundsByKind: [] })
    // 2990 − 800 = 2190 at 8 %: 175.2 → 175
    expect(of(w50, fx.zhang.id)).toMatchObject({ orders: 1, grossFen: 2990, refundsFen: 800, commissionFen: 175, netFen: 2990 - 800 - 175 })
    expect(w50.cooperativeRefunds).toEqual({ count: 1, goodsFen: 700, shippingFen: 0, byKind: [{ kind: 'after_sale', count: 1, goodsFen: 700, shippingFen: 0 }] })

    // the weekly report counts every refund of the week: the farmers' and the cooperative's
    const r50 = await report('2026-W50')
    expect(r50.totals.refundsFen).toBe(1500)
    expect(r50.totals.refundsFen).toBe(w50.totals.refundsFen + w50.cooperativeRefunds.goodsFen)
    expect(r50.refundsByKind).toEqual([
      { kind: 'after_sale', count: 2, goodsFen: 1200, shippingFen: 0 },
      { kind: 'weight_adjustment', count: 1, goodsFen: 300, shippingFen: 0 },
    ])
    expect(r50.cooperativeRefunds).toEqual(w50.cooperativeRefunds)
    const csv = (await get('/api/v1/coop/reports/settlements.csv?week=2026-W50')).rawPayload.toString('utf8')
    expect(csv).toContain(',合作社,售后退款,1,7.00,0.00\r\n')
  })

  it('refunds by kind add up to the statement’s refunds, also when an order’s refunds reach into its shipping', async () => {
    now = new Date('2026-12-15T02:00:00Z') // Tuesday of 2026-W51
    const orderF = (await buyAndPay(t, buyer, [{ specId: fx.potatoSpec, quantity: 4 }])).orders[0].id // Li: 1400 + 600 shipping
    await refundThroughLedger(t, orderF, { kind: 'after_sale', amountFen: 1000 }, now)
    now = new Date('2026-12-15T02:05:00Z')
    await refundThroughLedger(t, orderF, { kind: 'after_sale', amountFen: 1000 }, now)
    const w51 = await list('2026-W51')
    // goods first across the order's refunds: 1000 + 400 of goods, then the 600 of shipping
    expect(of(w51, fx.li.id)).toMatchObject({ grossFen: 1400, refundsFen: 1400, shippingFen: 0, commissionFen: 0, netFen: 0 })
    expect(of(w51, fx.li.id)!.refundsByKind).toEqual([{ kind: 'after_sale', count: 2, goodsFen: 1400, shippingFen: 600 }])

    for (const week of ['2026-W48', '2026-W49', '2026-W50', '2026-W51']) {
      for (const s of (await list(week)).statements) {
        expect(s.refundsByKind.reduce((sum, k) => sum + k.goodsFen, 0)).toBe(s.refundsFen)
      }
    }
  })

  it('a refund that missed its week, already confirmed (old data), lands in the farmer’s first unconfirmed week, once', async () => {
    now = new Date('2026-12-16T02:00:00Z')
    const w50 = await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W50/confirm`)
    expect(w50.json()).toMatchObject({ status: 'confirmed', refundsFen: 800 })
    const late = await refundThroughLedger(t, orderE, { kind: 'after_sale', amountFen: 1000 }, now)
    // as if it had succeeded in W50 and the statement had been confirmed without it
    await t.store.db.update(refunds).set({ succeededAt: new Date('2026-12-10T02:00:00Z') }).where(eq(refunds.id, late))

    expect(of(await list('2026-W50'), fx.zhang.id)).toEqual(w50.json())
    expect(of(await list('2026-W51'), fx.zhang.id)).toMatchObject({ status: 'draft', orders: 0, refundsFen: 1000, refundsByKind: [{ kind: 'after_sale', count: 1, goodsFen: 1000, shippingFen: 0 }] })
    now = new Date('2026-12-21T01:00:00Z') // 2026-W52
    const w51 = await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W51/confirm`)
    expect(w51.json()).toMatchObject({ status: 'confirmed', refundsFen: 1000, commissionFen: -80, netFen: -920 })
    expect(of(await list('2026-W52'), fx.zhang.id)).toBeUndefined()
  })

  it('a farmer sees their own statements', async () => {
    const token = await t.login('farmer-zhang')
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
    await t.store.db.update(farmers).set({ userId: me.json().id }).where(eq(farmers.id, fx.zhang.id))
    await t.store.db.insert(userRoles).values({ userId: me.json().id, role: 'farmer' })
    const res = await get('/api/v1/farmer/statements', { authorization: `Bearer ${token}` })
    expect(res.statusCode).toBe(200)
    const statements = res.json().statements as Statement[]
    expect(statements.map((s) => [s.week, s.status])).toEqual([
      ['2026-W51', 'confirmed'],
      ['2026-W50', 'confirmed'],
      ['2026-W49', 'confirmed'],
      ['2026-W48', 'paid'],
    ])
    expect(statements[1].refundsByKind).toEqual([
      { kind: 'after_sale', count: 1, goodsFen: 500, shippingFen: 0 },
      { kind: 'weight_adjustment', count: 1, goodsFen: 300, shippingFen: 0 },
    ])
    expect((await get('/api/v1/farmer/statements')).statusCode).toBe(403)
  })

  it('another cooperative’s manager can neither see nor touch them', async () => {
    const other = await coopFixture(t, '修文县谷堡猕猴桃种植专业合作社')
    const outsider: Auth = other.manager
    expect((await post(`/api/v1/coop/settlements/${fx.li.id}/2026-W48/confirm`, undefined, outsider)).statusCode).toBe(404)
    expect((await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/pay`, { paymentRef: 'X' }, outsider)).statusCode).toBe(404)
    expect((await get(`/api/v1/coop/settlements?week=2026-W48&cooperativeId=${fx.coop.id}`, outsider)).statusCode).toBe(404)
    const theirs = (await get('/api/v1/coop/settlements?week=2026-W50', outsider)).json()
    expect(theirs.statements).toEqual([])
    expect(theirs.cooperativeRefunds).toEqual(NO_COOP_REFUNDS)
    expect((await get('/api/v1/coop/reports/weekly?week=2026-W50', outsider)).json().refundsByKind).toEqual([])
    const stranger = await addManager(t, other.coop.id)
    expect((await get(`/api/v1/coop/settlements?week=2026-W48&cooperativeId=${other.coop.id}`, stranger)).statusCode).toBe(200)
  })
})
