/**
 * WeChat Pay end to end against the sandbox merchant over real HTTP: prepay, paySign, the
 * signed and encrypted notification, duplicates and forgeries, expiry, late payments, refunds.
 */
import crypto from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { orderEvents, payments, refunds } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative, addFarmer, addProduct } from '../support/catalog-builders'
import { addBuyer, placeOrder, stockOf, type TestBuyer } from '../support/order-builders'

const T0 = new Date('2026-11-28T02:00:00Z')
let now = T0
let networkDown = false
let t: TestApp
let appleSpec: number
let kiwiSpec: number
let zhangId: number

/** The sandbox's way to the notify URL: a switch plays the network between WeChat Pay and us failing. */
const flakyFetch: typeof fetch = (input, init) => (networkDown ? Promise.reject(new Error('network down')) : fetch(input, init))

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now, paySandbox: { fetchImpl: flakyFetch } })
  const coop = await addCooperative(t.store.db)
  const zhang = await addFarmer(t.store.db, coop.id, { name: '张国华' })
  zhangId = zhang.id
  const li = await addFarmer(t.store.db, coop.id, { name: '李春梅' })
  appleSpec = (await addProduct(t.store.db, zhang.id, { title: '威宁苹果' }, [{ priceFen: 2990, stock: 100 }])).specs[0].id
  kiwiSpec = (await addProduct(t.store.db, li.id, { title: '修文猕猴桃' }, [{ priceFen: 6800, unit: '箱', stock: 100 }])).specs[0].id
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(T0.getTime() + Math.floor(Math.random() * 1000))
  networkDown = false
})

const sandbox = () => t.app.sandbox!.pay
const notifyUrl = () => `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/v1/payments/wechat/notify`

/** A spec no other test touches, so its stock tells this test's story only. */
async function freshSpec(): Promise<number> {
  return (await addProduct(t.store.db, zhangId, { title: '威宁洋芋' }, [{ priceFen: 1990, stock: 20 }])).specs[0].id
}

async function checkoutFor(buyer: TestBuyer, spec = appleSpec) {
  const res = await placeOrder(t, buyer, [{ specId: spec, quantity: 1 }, { specId: kiwiSpec, quantity: 1 }])
  expect(res.statusCode).toBe(201)
  return res.json() as { id: number; totalFen: number; orders: { id: number }[] }
}

async function pay(buyer: TestBuyer, checkoutId: number) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkoutId}/pay`, headers: buyer.auth })
  expect(res.statusCode).toBe(200)
  const body = res.json()
  return { ...body, prepayId: body.requestPayment.package.replace('prepay_id=', '') as string }
}

async function statuses(buyer: TestBuyer, checkoutId: number): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/checkouts/${checkoutId}`, headers: buyer.auth })
  return res.json().orders.map((o: { status: string }) => o.status)
}

async function paidEvents(orderId: number): Promise<number> {
  const [{ n }] = await t.store.db.select({ n: count() }).from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.toStatus, 'paid')))
  return n
}

describe('paying a checkout with WeChat Pay', () => {
  it('returns wx.requestPayment parameters whose paySign verifies with the merchant key, for the server’s total', async () => {
    const buyer = await addBuyer(t)
    const checkout = await checkoutFor(buyer)
    const result = await pay(buyer, checkout.id)
    expect(result.amountFen).toBe(checkout.totalFen)
    const { timeStamp, nonceStr, package: pkg, signType, paySign } = result.requestPayment
    expect(signType).toBe('RSA')
    expect(timeStamp).toMatch(/^\d{10}$/)
    const message = `${t.config.wechat.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`
    expect(crypto.createVerify('RSA-SHA256').update(message).verify(sandbox().credentials.merchantPublicKey, paySign, 'base64')).toBe(true)
    expect(result.sandboxCashierUrl).toContain(encodeURIComponent(result.prepayId))
    expect(await sandbox().transaction(result.outTradeNo)).toMatchObject({ trade_state: 'NOTPAY', amount: { total: checkout.totalFen } })
    // paying again before anything changed reuses the same WeChat order
    expect((await pay(buyer, checkout.id)).prepayId).toBe(result.prepayId)
  })

  it('marks every order of the checkout paid once the signed notification arrives, exactly once even when it comes three more times', async () => {
    const buyer = await addBuyer(t)
    const checkout = await checkoutFor(buyer)
    const { prepayId, outTradeNo } = await pay(buyer, checkout.id)
    sandbox().userPays(prepayId)
    await sandbox().whenIdle()
    expect(await statuses(buyer, checkout.id)).toEqual(['paid', 'paid'])
    const attempts = await sandbox().deliverDuplicates(outTradeNo, 3)
    expect(attempts.map((a) => a.status)).toEqual([204, 204, 204])
    for (const o of checkout.orders) expect(await paidEvents(o.id)).toBe(1)
    const [payment] = await t.store.db.select().from(payments).where(eq(payments.outTradeNo, outTradeNo))
    expect(payment).toMatchObject({ status: 'paid', amountFen: checkout.totalFen })
    expect(payment.transactionId).toMatch(/^42\d{26}$/)
  })

  it.each(['FORGED_SIGNATURE', 'STALE_TIMESTAMP', 'SIGNTEST_PROBE', 'UNKNOWN_SERIAL', 'WRONG_AMOUNT'] as const)(
    'a %s notification is answered with a non-2xx and changes nothing',
    async (kind) => {
      const buyer = await addBuyer(t)
      const checkout = await checkoutFor(buyer)
      const { outTradeNo } = await pay(buyer, checkout.id)
      const attempt = await sandbox().deliverForgery(kind, { url: notifyUrl(), outTradeNo })
      expect(attempt.status).toBeGreaterThanOrEqual(400)
      expect(await statuses(buyer, checkout.id)).toEqual(['pending_payment', 'pending_payment'])
      const [payment] = await t.store.db.select().from(payments).where(eq(payments.outTradeNo, outTradeNo))
      expect(payment.status).toBe('open')
    },
  )

  it('when no notification arrived, returning from the cashier asks WeChat Pay and records the payment', async () => {
    const buyer = await addBuyer(t)
    const checkout = await checkoutFor(buyer)
    const { prepayId } = await pay(buyer, checkout.id)
    networkDown = true
    sandbox().userPays(prepayId)
    expect(await statuses(buyer, checkout.id)).toEqual(['pending_payment', 'pending_payment'])
    const synced = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/sync`, headers: buyer.auth })
    expect(synced.json().orders.map((o: { status: string }) => o.status)).toEqual(['paid', 'paid'])
    networkDown = false
    await sandbox().whenIdle()
    for (const o of checkout.orders) expect(await paidEvents(o.id)).toBe(1)
  })

  it('another buyer cannot pay or sync someone else’s checkout', async () => {
    const owner = await addBuyer(t)
    const other = await addBuyer(t)
    const checkout = await checkoutFor(owner)
    for (const action of ['pay', 'sync']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/${action}`, headers: other.auth })
      expect(res.statusCode).toBe(404)
    }
  })
})

describe('unpaid orders expire', () => {
  it('expiry cancels the orders, releases their stock and closes the WeChat Pay order', async () => {
    const buyer = await addBuyer(t)
    const spec = await freshSpec()
    const stock = await stockOf(t, spec)
    const checkout = await checkoutFor(buyer, spec)
    const { outTradeNo } = await pay(buyer, checkout.id)
    expect(await stockOf(t, spec)).toBe(stock - 1)

    now = new Date(now.getTime() + 29 * 60_000)
    await t.app.jobs.runDue(now)
    expect(await statuses(buyer, checkout.id)).toEqual(['pending_payment', 'pending_payment'])

    now = new Date(now.getTime() + 2 * 60_000)
    await t.app.jobs.runDue(now)
    await t.app.jobs.runDue(now)
    expect(await statuses(buyer, checkout.id)).toEqual(['cancelled', 'cancelled'])
    expect(await stockOf(t, spec)).toBe(stock)
    expect((await sandbox().transaction(outTradeNo))?.trade_state).toBe('CLOSED')
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${checkout.orders[0].id}`, headers: buyer.auth })
    expect(detail.json().events.at(-1)).toMatchObject({ toStatus: 'cancelled', actor: 'system' })
    const payAgain = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/pay`, headers: buyer.auth })
    expect(payAgain.json().error.code).toBe('CHECKOUT_EXPIRED')
  })

  it('a payment that reaches us after expiry is refunded automatically and the orders stay cancelled', async () => {
    const buyer = await addBuyer(t)
    const spec = await freshSpec()
    const stock = await stockOf(t, spec)
    const checkout = await checkoutFor(buyer, spec)
    const { prepayId, outTradeNo } = await pay(buyer, checkout.id)

    now = new Date(now.getTime() + 29 * 60_000)
    networkDown = true
    sandbox().userPays(prepayId)

    now = new Date(now.getTime() + 2 * 60_000)
    sandbox().failNextCall('SYSTEM_ERROR') // WeChat Pay cannot answer our last-minute query either
    await t.app.jobs.runDue(now)
    expect(await statuses(buyer, checkout.id)).toEqual(['cancelled', 'cancelled'])
    expect(await stockOf(t, spec)).toBe(stock)

    networkDown = false
    await sandbox().whenIdle()
    expect(await statuses(buyer, checkout.id)).toEqual(['cancelled', 'cancelled'])
    await t.app.jobs.runDue(now)
    await sandbox().whenIdle()
    // Refunds of one payment are sent a minute apart (WeChat Pay's rule): the second order's follows.
    await t.app.jobs.runDue(new Date(now.getTime() + 60_000))
    await sandbox().whenIdle()
    const rows = await t.store.db.select().from(refunds).where(eq(refunds.paymentId, (await t.store.db.select().from(payments).where(eq(payments.outTradeNo, outTradeNo)))[0].id))
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.kind)).toEqual(['late_payment', 'late_payment'])
    expect(rows.every((r) => r.status === 'succeeded')).toBe(true)
    expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(checkout.totalFen)
    expect((await sandbox().transaction(outTradeNo))?.trade_state).toBe('REFUND')
    expect(await stockOf(t, spec)).toBe(stock)
  })
})

describe('cancelling a paid order before it ships', () => {
  it('refunds it through WeChat Pay, returns its stock and marks it refunded', async () => {
    const buyer = await addBuyer(t)
    const checkout = await checkoutFor(buyer)
    const { prepayId } = await pay(buyer, checkout.id)
    sandbox().userPays(prepayId)
    await sandbox().whenIdle()
    const stock = await stockOf(t, kiwiSpec)
    const kiwiOrder = checkout.orders[1].id
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${kiwiOrder}/cancel`, headers: buyer.auth, payload: { reason: '不想要了' } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'refunded', refund: { status: 'processing' } })
    expect(await stockOf(t, kiwiSpec)).toBe(stock + 1)
    await t.app.jobs.runDue(now)
    await sandbox().whenIdle()
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${kiwiOrder}`, headers: buyer.auth })
    expect(detail.json().refund).toMatchObject({ status: 'succeeded', amountFen: 6800 + detail.json().shippingFen })
    expect(await statuses(buyer, checkout.id)).toEqual(['paid', 'refunded'])
  })

  it('when an order was paid twice, cancelling it refunds the payment that paid it, and the other payment keeps its own refund', async () => {
    const buyer = await addBuyer(t)
    const checkout = await checkoutFor(buyer, await freshSpec())
    const [apple, kiwi] = checkout.orders.map((o) => o.id)
    // the buyer pays the first WeChat Pay order, but its notification is held up
    const first = await pay(buyer, checkout.id)
    networkDown = true
    sandbox().userPays(first.prepayId)
    // meanwhile the kiwi is cancelled, so the apple alone gets a new WeChat Pay order, paid too
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${kiwi}/cancel`, headers: buyer.auth, payload: {} })).statusCode).toBe(200)
    // (the first notice stays held until the second order exists: its retries would otherwise
    // race the second pay and, on a slow machine, win — the apple then has nothing to pay)
    const second = await pay(buyer, checkout.id)
    networkDown = false
    expect(second.outTradeNo).not.toBe(first.outTradeNo)
    sandbox().userPays(second.prepayId)
    await sandbox().whenIdle()
    await t.app.jobs.runDue(now)
    await sandbox().whenIdle()
    expect(await statuses(buyer, checkout.id)).toEqual(['paid', 'cancelled'])

    const paymentId = async (outTradeNo: string) => (await t.store.db.select().from(payments).where(eq(payments.outTradeNo, outTradeNo)))[0].id
    const refundsOf = async (orderId: number) =>
      (await t.store.db.select().from(refunds).where(eq(refunds.orderId, orderId))).map((r) => ({ paymentId: r.paymentId, amountFen: r.amountFen })).sort((a, b) => a.paymentId - b.paymentId)
    const [firstId, secondId] = [await paymentId(first.outTradeNo), await paymentId(second.outTradeNo)]
    // whichever payment reached us second for the apple was refunded at once; the other paid it
    expect(await refundsOf(apple)).toHaveLength(1)
    const duplicate = (await refundsOf(apple))[0].paymentId
    const payer = duplicate === firstId ? secondId : firstId

    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${apple}/cancel`, headers: buyer.auth, payload: { reason: '不想要了' } })
    expect(res.statusCode).toBe(200)
    await t.app.jobs.runDue(now)
    await sandbox().whenIdle()
    const appleRefunds = await refundsOf(apple)
    expect(appleRefunds.map((r) => r.paymentId).sort((a, b) => a - b)).toEqual([firstId, secondId].sort((a, b) => a - b))
    expect(appleRefunds.find((r) => r.paymentId === payer)?.amountFen).toBe(appleRefunds.find((r) => r.paymentId === duplicate)?.amountFen)
    expect(await statuses(buyer, checkout.id)).toEqual(['refunded', 'cancelled'])
  })
})
