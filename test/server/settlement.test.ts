/**
 * Weekly statements: live drafts, confirmation freezes the figures (a confirmed statement never
 * changes), a late refund lands in the next unconfirmed week as a negative adjustment, payment
 * with a reference, a farmer's own statements, and another cooperative's manager sees nothing.
 */
import { eq } from 'drizzle-orm'
import { farmers, userRoles } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addManager, buyAndPay, cancelPaid, coopFixture, type Auth } from './coop-support'

let now = new Date('2026-11-25T02:00:00Z') // Wednesday, 2026-W48
let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
let buyer: TestBuyer
let orderA: number
let orderB: number
let orderC: number

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

const get = (url: string, headers: Auth = fx.manager) => t.app.inject({ method: 'GET', url, headers })
const post = (url: string, payload?: object, headers: Auth = fx.manager) => t.app.inject({ method: 'POST', url, headers, payload })
const list = async (week: string) => (await get(`/api/v1/coop/settlements?week=${week}`)).json()
const of = (body: { statements: { farmerId: number }[] }, farmerId: number) => body.statements.find((s) => s.farmerId === farmerId) as Record<string, unknown> | undefined

describe('statements of a week', () => {
  it('are live drafts for every member with sales, and a week in progress cannot be confirmed', async () => {
    const w48 = await list('2026-W48')
    expect(w48.weekOver).toBe(false)
    expect(of(w48, fx.zhang.id)).toMatchObject({ status: 'draft', orders: 2, grossFen: 8970, refundsFen: 2990, commissionBps: 500, commissionFen: 299, shippingFen: 0, adjustmentsFen: 0, netFen: 5681 })
    expect(of(w48, fx.li.id)).toMatchObject({ status: 'draft', orders: 1, grossFen: 3500, refundsFen: 0, commissionFen: 175, shippingFen: 600, netFen: 3500 - 175 + 600 })
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

    // the buyer cancels order A (sold in W48) during W49, after W48 was confirmed: a late refund
    now = new Date('2026-12-01T02:00:00Z')
    await cancelPaid(t, buyer, orderA, now)
    // Li's W48 is still a draft: her refund simply counts in it
    await cancelPaid(t, buyer, orderC, now)
    // a new commission applies to statements confirmed from now on only
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/coop/commission', headers: fx.manager, payload: { bps: 800 } })).json()).toEqual({ commissionBps: 800 })

    const w48 = await list('2026-W48')
    expect(of(w48, fx.zhang.id)).toEqual(confirmed.json())
    expect(of(w48, fx.li.id)).toMatchObject({ status: 'draft', grossFen: 3500, refundsFen: 3500, commissionBps: 800, commissionFen: 0, shippingFen: 0, netFen: 0 })
    const again = await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/confirm`)
    expect(again.json()).toEqual(confirmed.json())
  })

  it('a late refund appears in the next week’s statement as a negative adjustment, once', async () => {
    const w49 = await list('2026-W49')
    const zhang = of(w49, fx.zhang.id)
    // goods 5980 less the 5 % commission the cooperative kept on them (299): −5681
    expect(zhang).toMatchObject({ status: 'draft', orders: 0, grossFen: 0, refundsFen: 0, adjustmentsFen: -5681, netFen: -5681 })
    expect(zhang!.adjustments).toEqual([expect.objectContaining({ saleWeek: '2026-W48', adjustmentFen: -5681 })])
    expect(of(w49, fx.li.id)).toBeUndefined()

    now = new Date('2026-12-07T01:00:00Z') // 2026-W50
    const frozen = await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W49/confirm`)
    expect(frozen.json()).toMatchObject({ status: 'confirmed', adjustmentsFen: -5681, netFen: -5681 })
    expect(of(await list('2026-W50'), fx.zhang.id)).toBeUndefined()
    expect(of(await list('2026-W49'), fx.zhang.id)).toEqual(frozen.json())
  })

  it('is paid with a reference once confirmed', async () => {
    const url = `/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/pay`
    const paid = await post(url, { paymentRef: 'WX20261207001' })
    expect(paid.statusCode).toBe(200)
    expect(paid.json()).toMatchObject({ status: 'paid', paymentRef: 'WX20261207001', netFen: 5681, paidAt: now.toISOString() })
    expect((await post(url, { paymentRef: 'WX20261207001' })).statusCode).toBe(200)
    expect((await post(url, { paymentRef: 'OTHER' })).json().error.code).toBe('SETTLEMENT_ALREADY_PAID')
    const draft = await post(`/api/v1/coop/settlements/${fx.li.id}/2026-W48/pay`, { paymentRef: 'X1' })
    expect(draft.statusCode).toBe(409)
    expect(draft.json().error.code).toBe('SETTLEMENT_NOT_CONFIRMED')
    const nothing = await post(`/api/v1/coop/settlements/${fx.li.id}/2026-W45/confirm`)
    expect(nothing.json().error.code).toBe('NOTHING_TO_SETTLE')
  })

  it('a farmer sees their own statements', async () => {
    const token = await t.login('farmer-zhang')
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
    await t.store.db.update(farmers).set({ userId: me.json().id }).where(eq(farmers.id, fx.zhang.id))
    await t.store.db.insert(userRoles).values({ userId: me.json().id, role: 'farmer' })
    const res = await get('/api/v1/farmer/statements', { authorization: `Bearer ${token}` })
    expect(res.statusCode).toBe(200)
    expect(res.json().statements.map((s: { week: string; status: string }) => [s.week, s.status])).toEqual([
      ['2026-W49', 'confirmed'],
      ['2026-W48', 'paid'],
    ])
    expect((await get('/api/v1/farmer/statements')).statusCode).toBe(403)
  })

  it('another cooperative’s manager can neither see nor touch them', async () => {
    const other = await coopFixture(t, '修文县谷堡猕猴桃种植专业合作社')
    const outsider: Auth = other.manager
    expect((await post(`/api/v1/coop/settlements/${fx.li.id}/2026-W48/confirm`, undefined, outsider)).statusCode).toBe(404)
    expect((await post(`/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/pay`, { paymentRef: 'X' }, outsider)).statusCode).toBe(404)
    expect((await get(`/api/v1/coop/settlements?week=2026-W48&cooperativeId=${fx.coop.id}`, outsider)).statusCode).toBe(404)
    expect((await get('/api/v1/coop/settlements?week=2026-W48', outsider)).json().statements).toEqual([])
    const stranger = await addManager(t, other.coop.id)
    expect((await get(`/api/v1/coop/settlements?week=2026-W48&cooperativeId=${other.coop.id}`, stranger)).statusCode).toBe(200)
  })
})
