/**
 * A parcel's trail (GET /api/v1/orders/:id/tracking): the sandbox courier's scans in order as
 * the clock moves on (揽收 → 运输中 → 派送中 → 签收), one or two hubs, an unknown number, the
 * per-parcel cache (30 minutes; a signed parcel for ever), a courier that does not answer, who may
 * ask, and auto-confirm 10 days after shipping whatever the trail says. TRACKING_PROVIDER=none
 * answers the number only.
 */
import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { ConfigError, loadConfig } from '../../server/src/config'
import { parcelTracking } from '../../server/src/db/schema'
import { TRAIL_REASONS, type SandboxCourier } from '../../server/src/modules/tracking'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, placeOrder, type TestBuyer } from '../support/order-builders'
import { addSignedInFarmer, buyerOrder, placeAndPay, ship, type TestFarmer } from './fulfilment-fixtures'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const T0 = new Date('2026-11-28T02:00:00Z')
let now = T0
let t: TestApp
let farmer: TestFarmer
let buyer: TestBuyer
let courier: SandboxCourier

interface Trail {
  carrier: string
  carrierName: string
  trackingNo: string
  state: string
  events: { at: string; state: string; text: string }[]
  fetchedAt: string
  reason: string | null
}

beforeAll(async () => {
  t = await startTestApp({ SESSION_TTL_DAYS: '365' }, { clock: () => now })
  const coop = await addCooperative(t.store.db, { county: '威宁县' })
  farmer = await addSignedInFarmer(t, coop.id, '张国华', [{ priceFen: 2990, stock: 500 }])
  buyer = await addBuyer(t)
  courier = t.app.sandbox!.courier!
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(now.getTime() + DAY)
})

const advance = (ms: number) => {
  now = new Date(now.getTime() + ms)
}

function trackingOf(orderId: number, who: TestBuyer = buyer) {
  return t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}/tracking`, headers: who.auth })
}

async function trail(orderId: number, who: TestBuyer = buyer): Promise<Trail> {
  const res = await trackingOf(orderId, who)
  if (res.statusCode !== 200) throw new Error(`tracking: ${res.statusCode} ${res.body}`)
  return res.json() as Trail
}

/** A paid order of one box, shipped now with this carrier and number; answers its id. */
async function shippedOrder(carrier: string, trackingNo: string, who: TestBuyer = buyer): Promise<number> {
  const { orderIds } = await placeAndPay(t, who, [{ specId: farmer.specIds[0], quantity: 1 }])
  const res = await ship(t, farmer, [{ orderId: orderIds[0], carrier, trackingNo }])
  expect(res.json().results[0]).toMatchObject({ ok: true })
  return orderIds[0]
}

const uniqueNo = (prefix: string) => `${prefix}${crypto.randomInt(100_000, 999_999)}${crypto.randomInt(10, 99)}1`

describe('the trail shows the sandbox’s events in order', () => {
  it('揽收 → 运输中 → 派送中 → 签收 as the clock moves on, through 贵阳 to the buyer’s city', async () => {
    const orderId = await shippedOrder('ZTO', uniqueNo('7531'))
    const first = await trail(orderId)
    expect(first).toMatchObject({ carrier: 'ZTO', carrierName: '中通快递', state: 'collected', reason: null, fetchedAt: now.toISOString() })
    expect(first.events).toEqual([{ at: now.toISOString(), state: 'collected', text: expect.stringMatching(/^【威宁县】中通快递员.+已揽收$/) }])

    const seen = [first.state]
    let last = first
    for (let hour = 1; hour <= 40 && last.state !== 'signed'; hour++) {
      advance(HOUR)
      last = await trail(orderId)
      if (seen.at(-1) !== last.state) seen.push(last.state)
    }
    expect(seen).toEqual(['collected', 'in_transit', 'delivering', 'signed'])
    expect(last.events.map((e) => e.state)).toEqual(['collected', 'in_transit', 'in_transit', 'in_transit', 'in_transit', 'delivering', 'signed'])
    const times = last.events.map((e) => Date.parse(e.at))
    expect([...times].sort((a, b) => a - b)).toEqual(times)
    expect(times.at(-1)! - times[0]).toBeLessThan(2 * DAY)
    expect(last.events.map((e) => e.text)).toEqual([
      expect.stringContaining('已揽收'),
      '快件已从【威宁县】发出，下一站【贵阳转运中心】',
      '快件已到达【贵阳转运中心】',
      '快件已从【贵阳转运中心】发出，下一站【贵阳市】',
      '快件已到达【贵阳市观山湖区营业部】',
      expect.stringMatching(/^【贵阳市观山湖区营业部】快递员.+正在为您派送$/),
      expect.stringMatching(/^已签收.*中通快递/),
    ])
  })

  it('a buyer outside Guizhou: a second hub near them', async () => {
    const address = await t.app.inject({
      method: 'POST',
      url: '/api/v1/addresses',
      headers: buyer.auth,
      payload: { name: '陈静', phone: '13900000000', province: '广东省', city: '广州市', district: '天河区', detail: '体育西路 2 号', isDefault: true },
    })
    const gz = { ...buyer, addressId: address.json().id as number }
    const orderId = await shippedOrder('SF', uniqueNo('SF1'), gz)
    await trail(orderId, gz)
    advance(3 * DAY)
    const done = await trail(orderId, gz)
    expect(done.state).toBe('signed')
    expect(done.events.map((e) => e.text)).toEqual(
      expect.arrayContaining(['快件已到达【贵阳转运中心】', '快件已从【贵阳转运中心】发出，下一站【广州转运中心】', '快件已到达【广州转运中心】', '快件已到达【广州市天河区营业部】']),
    )
    expect(done.events.map((e) => e.state)).toEqual(['collected', ...Array(6).fill('in_transit'), 'delivering', 'signed'])
  })
})

describe('an unknown number shows a friendly state', () => {
  it('a number the courier does not know: unknown, no events, a reason in Chinese, 200', async () => {
    const orderId = await shippedOrder('YTO', 'YT12345670000')
    const res = await trackingOf(orderId)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      carrier: 'YTO',
      carrierName: '圆通速递',
      trackingNo: 'YT12345670000',
      state: 'unknown',
      events: [],
      fetchedAt: now.toISOString(),
      reason: TRAIL_REASONS.notFoundYet,
    })
  })
})

describe('the answer is cached per parcel', () => {
  it('within 30 minutes the courier is not asked again; after that it is', async () => {
    const orderId = await shippedOrder('STO', uniqueNo('773'))
    const before = courier.calls
    const first = await trail(orderId)
    expect(courier.calls).toBe(before + 1)
    advance(29 * MINUTE)
    expect(await trail(orderId)).toEqual(first)
    expect(courier.calls).toBe(before + 1)
    advance(2 * MINUTE)
    const again = await trail(orderId)
    expect(courier.calls).toBe(before + 2)
    expect(again.fetchedAt).toBe(now.toISOString())
    const [row] = await t.store.db.select().from(parcelTracking).where(and(eq(parcelTracking.carrier, 'STO'), eq(parcelTracking.trackingNo, first.trackingNo)))
    expect(row.fetchedAt.toISOString()).toBe(now.toISOString())
  })

  it('a signed parcel is never asked about again', async () => {
    const orderId = await shippedOrder('YD', uniqueNo('431'))
    await trail(orderId)
    advance(2 * DAY)
    const signed = await trail(orderId)
    expect(signed.state).toBe('signed')
    const calls = courier.calls
    advance(5 * DAY)
    expect(await trail(orderId)).toEqual(signed)
    expect(courier.calls).toBe(calls)
  })

  it('when the courier does not answer: the last answer with a note, and without one a friendly unknown (never a 5xx)', async () => {
    const orderId = await shippedOrder('JD', uniqueNo('JDV'))
    const first = await trail(orderId)
    advance(HOUR)
    courier.failNext()
    const res = await trackingOf(orderId)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ...first, reason: TRAIL_REASONS.stale })

    const fresh = await shippedOrder('JD', uniqueNo('JDV'))
    courier.failNext()
    const none = await trackingOf(fresh)
    expect(none.statusCode).toBe(200)
    expect(none.json()).toMatchObject({ state: 'unknown', events: [], reason: TRAIL_REASONS.courierDown })
    // nothing was kept: the next question reaches the courier, who now answers
    expect((await trail(fresh)).state).toBe('collected')
  })
})

describe('who may see the trail', () => {
  it('another buyer gets 404, no session 401, an order that does not exist 404', async () => {
    const orderId = await shippedOrder('EMS', uniqueNo('EA'))
    const other = await addBuyer(t)
    const calls = courier.calls
    const res = await trackingOf(orderId, other)
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}/tracking` })).statusCode).toBe(401)
    expect((await trackingOf(999_999_999)).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orders/abc/tracking', headers: buyer.auth })).statusCode).toBe(400)
    expect(courier.calls).toBe(calls)
  })

  it('an order not shipped yet (unpaid or paid) is 409 ORDER_NOT_SHIPPED', async () => {
    const unpaid = (await placeOrder(t, buyer, [{ specId: farmer.specIds[0], quantity: 1 }])).json().orders[0].id as number
    const { orderIds } = await placeAndPay(t, buyer, [{ specId: farmer.specIds[0], quantity: 1 }])
    for (const id of [unpaid, orderIds[0]]) {
      const res = await trackingOf(id)
      expect(res.statusCode).toBe(409)
      expect(res.json().error.code).toBe('ORDER_NOT_SHIPPED')
    }
  })
})

describe('auto-confirm does not wait for the trail', () => {
  it('10 days after shipping the order is received while the trail says 派送中', async () => {
    const orderId = await shippedOrder('ZTO', uniqueNo('7532'))
    const shippedAt = now.getTime()
    now = new Date(shippedAt + 10 * DAY - 26 * HOUR)
    expect((await trail(orderId)).state).toBe('collected')
    now = new Date(shippedAt + 10 * DAY + MINUTE)
    expect((await trail(orderId)).state).toBe('delivering')
    await t.app.jobs.runDue(now)
    const order = await buyerOrder(t, buyer, orderId)
    expect(order.status).toBe('received')
    expect(order.events.at(-1)).toMatchObject({ toStatus: 'received', actor: 'system' })
    // a received order still shows its trail
    expect((await trail(orderId)).state).toBe('delivering')
  })
})

describe('TRACKING_PROVIDER', () => {
  it('defaults to the sandbox in sandbox mode; an unknown value and the sandbox in production are refused', () => {
    expect(loadConfig({}).trackingProvider).toBe('sandbox')
    expect(loadConfig({ TRACKING_PROVIDER: 'none' }).trackingProvider).toBe('none')
    expect(() => loadConfig({ TRACKING_PROVIDER: 'kuaidi' })).toThrow(/^TRACKING_PROVIDER:/)
    const live = { NODE_ENV: 'production', WECHAT_MODE: 'live', WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: '0123456789abcdef0123' }
    expect(() => loadConfig({ ...live, TRACKING_PROVIDER: 'sandbox' })).toThrow(ConfigError)
    expect(() => loadConfig({ ...live, TRACKING_PROVIDER: 'sandbox' })).toThrow(/^TRACKING_PROVIDER:/)
  })

  it('none: the order’s carrier and number, unknown, and why', async () => {
    const other = await startTestApp({ TRACKING_PROVIDER: 'none' })
    try {
      expect(other.app.sandbox?.courier).toBeUndefined()
      const coop = await addCooperative(other.store.db)
      const f = await addSignedInFarmer(other, coop.id, '李春梅')
      const b = await addBuyer(other)
      const { orderIds } = await placeAndPay(other, b, [{ specId: f.specIds[0], quantity: 1 }])
      await ship(other, f, [{ orderId: orderIds[0], carrier: 'SF', trackingNo: 'SF1234567890123' }])
      const res = await other.app.inject({ method: 'GET', url: `/api/v1/orders/${orderIds[0]}/tracking`, headers: b.auth })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ carrier: 'SF', carrierName: '顺丰速运', trackingNo: 'SF1234567890123', state: 'unknown', events: [], reason: TRAIL_REASONS.noProvider })
    } finally {
      await other.close()
    }
  })
})
