/**
 * A prepay's life: WeChat Pay's prepay_id lives 2 hours, a pay window may last 24. The payments
 * service hands a stored prepay_id out again for PREPAY_REUSE_MINUTES and renews an older one by
 * prepaying again with the same parameters (the sandbox answers like WeChat: the current prepay_id,
 * a new one once the old lapsed), and never hands out parameters past time_expire.
 */
import { eq } from 'drizzle-orm'
import { payments } from '../../server/src/db/schema'
import { PREPAY_REUSE_MINUTES, createPaymentService } from '../../server/src/modules/payments/payment-service'
import type { PaymentRow } from '../../server/src/modules/payments'
import type { WechatPayClient } from '../../server/src/wechat/pay/pay-client'
import type { SandboxOperation, SandboxRequest } from '../../server/src/wechat/sandbox/pay/pay-sandbox'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative, addFarmer, addProduct } from '../support/catalog-builders'
import { addBuyer, placeOrder, type TestBuyer } from '../support/order-builders'

const MIN = 60_000
const T0 = new Date('2026-12-05T01:00:00Z')
let now = T0
let t: TestApp
let riceSpec: number
let prepayCalls = 0
/** While true the sandbox's notices do not reach us (a lost notice). */
let noticesLost = false
const lossyFetch: typeof fetch = (input, init) => (noticesLost ? Promise.reject(new Error('network down')) : fetch(input, init))

beforeAll(async () => {
  t = await startTestApp({ PAY_WINDOW_MINUTES: '1440' }, { clock: () => now, paySandbox: { fetchImpl: lossyFetch } })
  const coop = await addCooperative(t.store.db)
  const farmer = await addFarmer(t.store.db, coop.id, { name: '王秀英' })
  riceSpec = (await addProduct(t.store.db, farmer.id, { title: '湄潭新米' }, [{ priceFen: 3600, stock: 100 }])).specs[0].id
  // Count the JSAPI prepay calls that reach the sandbox (WeChat Pay).
  const sandbox = t.app.sandbox!.pay
  const handle = sandbox.handle.bind(sandbox)
  sandbox.handle = (req: SandboxRequest, operation: SandboxOperation) => {
    if (operation.op === 'prepay') prepayCalls++
    return handle(req, operation)
  }
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(T0.getTime() + Math.floor(Math.random() * 1000))
  prepayCalls = 0
})

const sandbox = () => t.app.sandbox!.pay
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * MIN)
}

async function checkout(buyer: TestBuyer) {
  const res = await placeOrder(t, buyer, [{ specId: riceSpec, quantity: 2 }])
  expect(res.statusCode).toBe(201)
  return res.json() as { id: number; totalFen: number; expiresAt: string }
}

async function pay(buyer: TestBuyer, checkoutId: number) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkoutId}/pay`, headers: buyer.auth })
  expect(res.statusCode).toBe(200)
  const body = res.json()
  return { ...body, prepayId: body.requestPayment.package.replace('prepay_id=', '') as string } as {
    outTradeNo: string
    prepayId: string
    sandboxCashierUrl: string
    requestPayment: { package: string }
  }
}

async function paymentRow(outTradeNo: string): Promise<PaymentRow> {
  const [row] = await t.store.db.select().from(payments).where(eq(payments.outTradeNo, outTradeNo))
  return row
}

/** The buyer confirms in the sandbox cashier (what the H5 build's payment sheet does). */
const cashierPay = (prepayId: string) =>
  t.app.inject({ method: 'POST', url: '/sandbox/wechat/pay/cashier/pay', payload: { prepayId } })

async function statuses(buyer: TestBuyer, checkoutId: number): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/checkouts/${checkoutId}`, headers: buyer.auth })
  return res.json().orders.map((o: { status: string }) => o.status)
}

describe('a prepay older than WeChat Pay allows', () => {
  it('when a buyer comes back after the prepay expired, they still get payable parameters', async () => {
    const buyer = await addBuyer(t)
    const { id } = await checkout(buyer)
    const first = await pay(buyer, id)
    expect(await paymentRow(first.outTradeNo)).toMatchObject({ prepayId: first.prepayId, prepayAt: now })

    later(180)
    // WeChat Pay's prepay_id lived 2 hours: the old parameters no longer pay.
    expect((await sandbox().cashierView(first.prepayId))?.problem).toBe('支付单已失效，请重新下单')
    const again = await pay(buyer, id)
    expect(again.outTradeNo).toBe(first.outTradeNo) // the same WeChat order, prepaid again with the same parameters
    expect(again.prepayId).not.toBe(first.prepayId)
    expect(again.requestPayment.package).toBe(`prepay_id=${again.prepayId}`)
    expect(again.sandboxCashierUrl).toContain(encodeURIComponent(again.prepayId))
    expect(await paymentRow(first.outTradeNo)).toMatchObject({ prepayId: again.prepayId, prepayAt: now, status: 'open' })
    expect(prepayCalls).toBe(2)

    expect((await cashierPay(first.prepayId)).json()).toMatchObject({ code: 'PREPAY_EXPIRED' })
    const paid = await cashierPay(again.prepayId)
    expect([paid.statusCode, paid.json()]).toEqual([200, { trade_state: 'SUCCESS', out_trade_no: first.outTradeNo }])
    await sandbox().whenIdle()
    expect(await statuses(buyer, id)).toEqual(['paid'])
    expect((await paymentRow(first.outTradeNo)).status).toBe('paid')
  })

  it('within the prepay’s life the same prepay is handed out again, without asking WeChat Pay', async () => {
    const buyer = await addBuyer(t)
    const { id } = await checkout(buyer)
    const first = await pay(buyer, id)
    const issuedAt = now
    later(PREPAY_REUSE_MINUTES - 1)
    const again = await pay(buyer, id)
    expect(again.prepayId).toBe(first.prepayId)
    expect(prepayCalls).toBe(1)
    expect(await paymentRow(first.outTradeNo)).toMatchObject({ prepayId: first.prepayId, prepayAt: issuedAt })
    sandbox().userPays(again.prepayId)
    await sandbox().whenIdle()
    expect(await statuses(buyer, id)).toEqual(['paid'])
  })

  it('past PREPAY_REUSE_MINUTES WeChat Pay is asked again; the same prepay_id back keeps its age, a new one after 2 hours', async () => {
    const buyer = await addBuyer(t)
    const { id } = await checkout(buyer)
    const first = await pay(buyer, id)
    const issuedAt = now
    later(PREPAY_REUSE_MINUTES + 5) // 115 minutes: WeChat Pay's prepay_id still lives
    expect((await pay(buyer, id)).prepayId).toBe(first.prepayId)
    expect(prepayCalls).toBe(2)
    expect((await paymentRow(first.outTradeNo)).prepayAt).toEqual(issuedAt)
    later(10) // 125 minutes: lapsed at WeChat Pay
    const renewed = await pay(buyer, id)
    expect(renewed.prepayId).not.toBe(first.prepayId)
    expect(prepayCalls).toBe(3)
    expect(await paymentRow(first.outTradeNo)).toMatchObject({ prepayId: renewed.prepayId, prepayAt: now })
    later(PREPAY_REUSE_MINUTES - 1)
    expect((await pay(buyer, id)).prepayId).toBe(renewed.prepayId)
    expect(prepayCalls).toBe(3)
  })

  it('when the buyer paid but the notice was lost, coming back after the prepay expired applies the payment instead of failing', async () => {
    const buyer = await addBuyer(t)
    const c = await checkout(buyer)
    const first = await pay(buyer, c.id)
    noticesLost = true
    try {
      expect((await cashierPay(first.prepayId)).statusCode).toBe(200)
      await sandbox().whenIdle()
    } finally {
      noticesLost = false
    }
    expect(await statuses(buyer, c.id)).toEqual(['pending_payment'])
    later(180)
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${c.id}/pay`, headers: buyer.auth })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('NOTHING_TO_PAY')
    expect(await statuses(buyer, c.id)).toEqual(['paid'])
  })

  it('past time_expire no parameters are handed out', async () => {
    const buyer = await addBuyer(t)
    const { id, expiresAt } = await checkout(buyer)
    expect(new Date(expiresAt).getTime() - now.getTime()).toBe(1440 * MIN)
    await pay(buyer, id)
    later(1440)
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${id}/pay`, headers: buyer.auth })
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'CHECKOUT_EXPIRED'])
  })

  it('the payments service itself refuses a payment past its expiresAt, without calling WeChat Pay', async () => {
    const at = new Date('2026-12-06T01:00:00Z')
    const untouchable = new Proxy({} as WechatPayClient, {
      get: (_target, name) => () => {
        throw new Error(`WeChat Pay called (${String(name)})`)
      },
    })
    const service = createPaymentService({
      db: t.store.db, clock: () => at, pay: untouchable, appId: 'wx', mchid: '1', notifyBaseUrl: () => 'https://example.com', sandboxCashierUrl: null,
    })
    const payment = { id: 0, outTradeNo: 'X-1', amountFen: 100, payerOpenid: 'o', prepayId: 'wx-old', prepayAt: new Date(at.getTime() - 200 * MIN), expiresAt: at } as PaymentRow
    await expect(service.prepay(payment, async () => '乡集-湄潭新米', '/')).rejects.toMatchObject({ code: 'CHECKOUT_EXPIRED', statusCode: 409 })
  })
})

describe('the pay sandbox inside the app', () => {
  it('POST /sandbox/wechat/pay/refund-scenario arms the next refund, and answers a bad value in the app’s error shape', async () => {
    const url = '/sandbox/wechat/pay/refund-scenario'
    const bad = await t.app.inject({ method: 'POST', url, payload: { scenario: 'SOMETIMES' } })
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED'])
    const nul = await t.app.inject({ method: 'POST', url, payload: { scenario: 'SUCCESS\u0000' } })
    expect([nul.statusCode, nul.json().error.code]).toEqual([400, 'CONTROL_CHARACTERS'])
    expect(await sandbox().armedRefundScenario()).toBeNull()
    const ok = await t.app.inject({ method: 'POST', url, payload: { scenario: 'SUCCESS_NOTICE_LOST' } })
    expect([ok.statusCode, ok.json()]).toEqual([200, { scenario: 'SUCCESS_NOTICE_LOST' }])
    expect(await sandbox().armedRefundScenario()).toBe('SUCCESS_NOTICE_LOST')
    await sandbox().armRefundScenario(null)
  })
})
