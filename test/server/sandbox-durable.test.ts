/**
 * The WeChat sandbox keeps its state in the store (sandbox_records), so two instances on one
 * database play one WeChat, and a restarted instance plays the same one: the same merchant keys,
 * payments made through one instance queried and refunded through the other, login codes and
 * access tokens valid everywhere, a notification pending at shutdown delivered after the restart,
 * and a retry attempted once even when both instances have a timer for it.
 */
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { orderEvents, refunds } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative, addFarmer, addProduct } from '../support/catalog-builders'
import { addBuyer, placeOrder, setShipping, type TestBuyer } from '../support/order-builders'
import { openTestStore, type TestStore } from '../support/store'

let now = new Date('2026-11-28T02:00:00Z')
const clock = () => now

/** Every notification POST either instance made, and how many of instance A's next ones to drop. */
const posts: { via: string; notificationId: string; status: number }[] = []
let dropAtA = 0
const postingAs =
  (via: string): typeof fetch =>
  async (input, init) => {
    const notificationId = (JSON.parse(String(init?.body)) as { id: string }).id
    if (via === 'A' && dropAtA > 0) {
      dropAtA--
      posts.push({ via, notificationId, status: 0 })
      throw new Error('network down')
    }
    const res = await fetch(input, init)
    posts.push({ via, notificationId, status: res.status })
    return res
  }

let shared: TestStore
let a: TestApp
let b: TestApp
let buyer: TestBuyer
let spec: number

beforeAll(async () => {
  shared = await openTestStore()
  // A retries after 300 ms, long enough for B to put its own timer on the same retry.
  a = await startTestApp({}, { clock, store: shared.store, paySandbox: { fetchImpl: postingAs('A'), retryScheduleMs: [300, 300] } })
  b = await startTestApp({}, { clock, store: shared.store, paySandbox: { fetchImpl: postingAs('B') } })
  const coop = await addCooperative(shared.store.db)
  const farmer = await addFarmer(shared.store.db, coop.id, { name: '张国华' })
  await setShipping(a, farmer.id, 0, null)
  spec = (await addProduct(shared.store.db, farmer.id, { title: '威宁苹果' }, [{ priceFen: 2990, stock: 100 }])).specs[0].id
  buyer = await addBuyer(a)
})
afterAll(async () => {
  await a.close()
  await b.close()
  await shared.close()
})

/** A checkout placed and prepaid through `t`: its id, first order, prepay_id and out_trade_no. */
async function prepaid(t: TestApp) {
  const placed = await placeOrder(t, buyer, [{ specId: spec, quantity: 1 }])
  expect(placed.statusCode).toBe(201)
  const checkout = placed.json() as { id: number; orders: { id: number }[] }
  const pay = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/pay`, headers: buyer.auth })
  expect(pay.statusCode).toBe(200)
  const body = pay.json() as { outTradeNo: string; requestPayment: { package: string } }
  return { checkoutId: checkout.id, orderId: checkout.orders[0].id, prepayId: body.requestPayment.package.replace('prepay_id=', ''), outTradeNo: body.outTradeNo }
}

const orderStatus = async (t: TestApp, orderId: number) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: buyer.auth })).json().status as string

const paidEvents = async (orderId: number) =>
  (await shared.store.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).filter((e) => e.toStatus === 'paid')

describe('two instances on one store', () => {
  it('sign and verify with the same merchant and platform keys', () => {
    const [ca, cb] = [a.app.sandbox!.pay.credentials, b.app.sandbox!.pay.credentials]
    expect(cb).toMatchObject({ mchid: ca.mchid, merchantSerial: ca.merchantSerial, publicKeyId: ca.publicKeyId, apiV3Key: ca.apiV3Key })
    expect(cb.platformPublicKey.export({ type: 'spki', format: 'pem' })).toBe(ca.platformPublicKey.export({ type: 'spki', format: 'pem' }))
  })

  it('a payment made through A (its notice lost) is found by B’s query, and B refunds it through WeChat Pay', async () => {
    const { checkoutId, orderId, prepayId, outTradeNo } = await prepaid(a)
    dropAtA = 3 // the first attempt and both retries: A's notice never arrives
    await a.app.sandbox!.pay.userPays(prepayId)
    await a.app.sandbox!.pay.whenIdle()
    expect(await orderStatus(b, orderId)).toBe('pending_payment')

    // B's client asks B's sandbox, which knows A's payment and signs its answer with the shared key.
    const synced = await b.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkoutId}/sync`, headers: buyer.auth })
    expect(synced.statusCode).toBe(200)
    expect(await orderStatus(b, orderId)).toBe('paid')

    const cancel = await b.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: buyer.auth, payload: { reason: '不想要了' } })
    expect(cancel.statusCode).toBe(200)
    for (let i = 0; i < 2; i++) {
      await b.app.jobs.runDue(now)
      await b.app.sandbox!.pay.whenIdle()
    }
    const [refund] = await shared.store.db.select().from(refunds).where(eq(refunds.orderId, orderId))
    expect(refund.status).toBe('succeeded')
    expect(await orderStatus(a, orderId)).toBe('refunded')
    // A's sandbox sees the refund B's made, and the order as refunded.
    expect(await a.app.sandbox!.pay.refund(refund.outRefundNo)).toMatchObject({ status: 'SUCCESS', out_trade_no: outTradeNo })
    expect((await a.app.sandbox!.pay.transaction(outTradeNo))?.trade_state).toBe('REFUND')
  })

  it('a refund scenario armed through A’s HTTP switch is what B’s next refund plays', async () => {
    const armed = await a.app.inject({ method: 'POST', url: '/sandbox/wechat/pay/refund-scenario', payload: { scenario: 'ABNORMAL' } })
    expect(armed.statusCode).toBe(200)
    expect(await b.app.sandbox!.pay.armedRefundScenario()).toBe('ABNORMAL')
    await b.app.sandbox!.pay.armRefundScenario(null)
    expect(await a.app.sandbox!.pay.armedRefundScenario()).toBeNull()
  })

  it('a retry both instances have a timer for is posted once: the order is paid once', async () => {
    const { orderId, prepayId } = await prepaid(a)
    dropAtA = 1
    await a.app.sandbox!.pay.userPays(prepayId)
    await a.app.sandbox!.pay.whenSettled() // the first attempt failed; A's retry waits 300 ms
    await b.app.sandbox!.pay.resume() // B puts a timer on the same retry
    await Promise.all([a.app.sandbox!.pay.whenIdle(), b.app.sandbox!.pay.whenIdle()])

    const [delivery] = a.app.sandbox!.pay.deliveries.filter((d) => d.body.includes('TRANSACTION.SUCCESS')).slice(-1)
    const attempts = posts.filter((p) => p.notificationId === delivery.notificationId)
    expect(attempts).toHaveLength(2)
    expect(attempts[0].status).toBe(0)
    expect(attempts[1].status >= 200 && attempts[1].status < 300).toBe(true)
    expect(await a.app.sandbox!.pay.pendingDeliveries()).toEqual([])
    expect(await orderStatus(b, orderId)).toBe('paid')
    expect(await paidEvents(orderId)).toHaveLength(1)
  })
})

describe('a restart on the same store', () => {
  it('keeps keys, payments, login codes and access tokens, and delivers the notice pending at shutdown', async () => {
    const { orderId, prepayId, outTradeNo } = await prepaid(a)
    dropAtA = 1
    await a.app.sandbox!.pay.userPays(prepayId)
    await a.app.sandbox!.pay.whenSettled() // first attempt lost, the retry still waiting in A
    const code = await a.app.sandbox!.loginCodes.issued('openid-across-restart')
    const token = (await a.app.inject({
      method: 'POST',
      url: '/sandbox/wechat/cgi-bin/stable_token',
      payload: { grant_type: 'client_credential', appid: a.config.wechat.appId, secret: a.config.wechat.appSecret },
    })).json().access_token as string
    const credentials = a.app.sandbox!.pay.credentials
    const port = (a.app.server.address() as AddressInfo).port

    await a.close()
    now = new Date(now.getTime() + 1000)
    a = await startTestApp({}, { clock, store: shared.store, port, paySandbox: { fetchImpl: postingAs('A'), retryScheduleMs: [300, 300] } })
    const restarted = a.app.sandbox!.pay
    await restarted.resume()
    await restarted.whenIdle()

    expect(restarted.credentials).toMatchObject({ mchid: credentials.mchid, merchantSerial: credentials.merchantSerial, publicKeyId: credentials.publicKeyId })
    expect((await restarted.transaction(outTradeNo))?.trade_state).toBe('SUCCESS')
    expect(await orderStatus(a, orderId)).toBe('paid') // the pending notice, delivered by the new instance
    expect(await paidEvents(orderId)).toHaveLength(1)

    const login = () => a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { code } })
    expect((await login()).statusCode).toBe(200)
    expect((await login()).statusCode).toBe(401) // still single-use
    const upload = await a.app.inject({ method: 'POST', url: `/sandbox/wechat/wxa/sec/order/upload_shipping_info?access_token=${encodeURIComponent(token)}`, payload: {} })
    expect(upload.json().errcode).not.toBe(40001) // the token handed out before the restart still works
  })
})

describe('a fresh store', () => {
  it('gets one sandbox merchant even when two instances start at once', async () => {
    const store = await openTestStore()
    const [x, y] = await Promise.all([startTestApp({}, { store: store.store }), startTestApp({}, { store: store.store })])
    try {
      expect(y.app.sandbox!.pay.credentials.mchid).toBe(x.app.sandbox!.pay.credentials.mchid)
      expect(y.app.sandbox!.pay.credentials.apiV3Key).toBe(x.app.sandbox!.pay.credentials.apiV3Key)
    } finally {
      await x.close()
      await y.close()
      await store.close()
    }
  })
})
