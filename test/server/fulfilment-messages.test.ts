/**
 * The "order shipped" subscribe message: sent once, spending at most one of the buyer's
 * one-time consents per order, even when sending fails and is retried; no consent → no send;
 * WeChat's 43101 is a normal outcome.
 */
import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { messageSends, subscribeConsents, users } from '../../server/src/db/schema'
import type { SubscribeSandbox } from '../../server/src/wechat/sandbox/subscribe-sandbox'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addSignedInFarmer, placeAndPay, ship, type TestFarmer } from './fulfilment-fixtures'

let now = new Date('2026-11-28T02:00:00Z')
let t: TestApp
let zhang: TestFarmer
let template: string

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  template = t.config.wechat.templateOrderShipped
  const coop = await addCooperative(t.store.db)
  zhang = await addSignedInFarmer(t, coop.id, '张国华', [{ priceFen: 2990, stock: 200 }], { title: '威宁高原红富士苹果（特级大果）' })
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(now.getTime() + 3600_000)
})

const wechat = (): SubscribeSandbox => t.app.sandbox!.subscribe!
const advance = (ms: number) => (now = new Date(now.getTime() + ms))

interface Buyer extends TestBuyer {
  openid: string
  id: number
}

/** A buyer who tapped "allow" `accepted` times in the mini-program (recorded by our API). */
async function buyerWithConsents(accepted: number): Promise<Buyer> {
  const openid = `buyer-${crypto.randomUUID()}`
  const buyer = await addBuyer(t, openid)
  for (let i = 0; i < accepted; i++) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: buyer.auth, payload: { answers: { [template]: 'accept' } } })
    expect(res.statusCode).toBe(204)
  }
  const [user] = await t.store.db.select().from(users).where(eq(users.openid, openid))
  return { ...buyer, openid, id: user.id }
}

async function consentsLeft(buyer: Buyer): Promise<number> {
  const [row] = await t.store.db
    .select()
    .from(subscribeConsents)
    .where(and(eq(subscribeConsents.userId, buyer.id), eq(subscribeConsents.templateId, template)))
  return row?.remaining ?? 0
}

async function sendRow(orderId: number) {
  const rows = await t.store.db.select().from(messageSends).where(eq(messageSends.orderId, orderId))
  expect(rows.length).toBeLessThanOrEqual(1)
  return rows[0]
}

async function shippedOrder(buyer: Buyer, trackingNo = `YT${Date.now()}`): Promise<number> {
  const { orderIds } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 2 }])
  const res = await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'YTO', trackingNo }])
  expect(res.json().results[0].ok).toBe(true)
  return orderIds[0]
}

describe('the shipped message', () => {
  it('is sent once with the product, carrier, tracking number and time, spending one consent', async () => {
    const buyer = await buyerWithConsents(1)
    wechat().grant(buyer.openid, template)
    const orderId = await shippedOrder(buyer, 'YT9100000000001')
    await t.app.jobs.runDue(now)
    expect(await sendRow(orderId)).toMatchObject({ outcome: 'sent', errcode: null, userId: buyer.id, templateId: template })
    expect(await consentsLeft(buyer)).toBe(0)
    const delivered = await wechat().delivered(buyer.openid)
    expect(delivered).toHaveLength(1)
    const china = new Date(now.getTime() + 8 * 3600_000)
    const hhmm = `${String(china.getUTCHours()).padStart(2, '0')}:${String(china.getUTCMinutes()).padStart(2, '0')}`
    expect(delivered[0]).toEqual({
      touser: buyer.openid,
      template_id: template,
      page: `pages/order/index?id=${orderId}`,
      data: {
        thing1: { value: '威宁高原红富士苹果（特级大果）' },
        thing2: { value: '圆通速递' },
        character_string3: { value: 'YT9100000000001' },
        date4: { value: `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${hhmm}` },
        phrase5: { value: '已发货' },
      },
    })
    advance(3600_000)
    await t.app.jobs.runDue(now)
    expect(await wechat().delivered(buyer.openid)).toHaveLength(1)
  })

  it('without a consent nothing is sent: outcome no_consent, WeChat never asked', async () => {
    const buyer = await buyerWithConsents(0)
    wechat().grant(buyer.openid, template) // even if WeChat would accept, we have no consent recorded
    const orderId = await shippedOrder(buyer)
    await t.app.jobs.runDue(now)
    expect(await sendRow(orderId)).toMatchObject({ outcome: 'no_consent', errcode: null })
    expect((await wechat().received()).filter((r) => (r.body as { touser: string }).touser === buyer.openid)).toHaveLength(0)
  })

  it('43101 from WeChat (the user used the consent elsewhere) is a normal outcome, not retried', async () => {
    const buyer = await buyerWithConsents(1)
    const orderId = await shippedOrder(buyer)
    await t.app.jobs.runDue(now)
    expect(await sendRow(orderId)).toMatchObject({ outcome: 'no_consent', errcode: 43101 })
    expect(await consentsLeft(buyer)).toBe(0)
    advance(3600_000)
    await t.app.jobs.runDue(now)
    expect((await wechat().received()).filter((r) => (r.body as { touser: string }).touser === buyer.openid).map((r) => r.errcode)).toEqual([43101])
  })

  it('a failed send is retried without spending another consent; the next order can use the one left', async () => {
    const buyer = await buyerWithConsents(2)
    wechat().grant(buyer.openid, template, 2)
    const first = await shippedOrder(buyer)
    wechat().failNext(2, -1)
    await t.app.jobs.runDue(now)
    expect(await sendRow(first)).toMatchObject({ outcome: 'pending', errcode: -1 })
    expect(await consentsLeft(buyer)).toBe(1)
    advance(6_000)
    await t.app.jobs.runDue(now)
    expect(await consentsLeft(buyer)).toBe(1)
    advance(11_000)
    await t.app.jobs.runDue(now)
    expect(await sendRow(first)).toMatchObject({ outcome: 'sent', errcode: null })
    expect(await consentsLeft(buyer)).toBe(1)
    expect(await wechat().delivered(buyer.openid)).toHaveLength(1)

    const second = await shippedOrder(buyer)
    await t.app.jobs.runDue(now)
    expect(await sendRow(second)).toMatchObject({ outcome: 'sent' })
    expect(await consentsLeft(buyer)).toBe(0)
    expect(await wechat().delivered(buyer.openid)).toHaveLength(2)
  })

  it('another errcode (e.g. 47003) marks the send failed, keeps the consent spent, and is not retried', async () => {
    const buyer = await buyerWithConsents(1)
    wechat().grant(buyer.openid, template)
    const orderId = await shippedOrder(buyer)
    wechat().failNext(1, 47003)
    await t.app.jobs.runDue(now)
    expect(await sendRow(orderId)).toMatchObject({ outcome: 'failed', errcode: 47003 })
    advance(3600_000)
    await t.app.jobs.runDue(now)
    expect((await wechat().received()).filter((r) => (r.body as { touser: string }).touser === buyer.openid)).toHaveLength(1)
  })

  it('a message still not through after two days is given up', async () => {
    const buyer = await buyerWithConsents(1)
    wechat().grant(buyer.openid, template)
    const orderId = await shippedOrder(buyer)
    wechat().failNext(100, -1)
    for (let hours = 0; hours <= 50; hours += 5) {
      await t.app.jobs.runDue(now)
      advance(5 * 3600_000)
    }
    expect(await sendRow(orderId)).toMatchObject({ outcome: 'failed', errcode: -1 })
    expect(await consentsLeft(buyer)).toBe(0)
    wechat().clearFailures()
  })

  it('the sandbox checks keyword rules (47003) and template ids (40037)', async () => {
    const msg = { touser: 'x', template_id: template, data: { thing1: { value: '苹' } } }
    wechat().grant('x', template, 5)
    expect((await wechat().send({ ...msg, template_id: 'nope' })).errcode).toBe(40037)
    expect((await wechat().send({ ...msg, data: { thing1: { value: '苹'.repeat(21) } } })).errcode).toBe(47003)
    expect((await wechat().send({ ...msg, data: { phrase1: { value: '已经发货了' + '啦' } } })).errcode).toBe(47003)
    expect((await wechat().send({ ...msg, data: { character_string1: { value: '中文单号' } } })).errcode).toBe(47003)
    expect((await wechat().send({ ...msg, data: { date1: { value: '明天' } } })).errcode).toBe(47003)
    expect((await wechat().send({ ...msg, data: { date1: { value: '2026年11月28日 14:05' } } })).errcode).toBe(0)
  })
})
