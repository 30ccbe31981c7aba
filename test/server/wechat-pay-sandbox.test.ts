/**
 * The real WeChat Pay client against the sandbox over real HTTP, with a notify receiver on the
 * same Fastify instance that keeps raw bodies and headers.
 */
import type { AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { buildAuthorization, randomAlphanumeric, unixSeconds } from '../../server/src/wechat/pay/pay-crypto'
import {
  createWechatPayClient,
  NotificationRejected,
  WechatPayError,
  type WechatPayClient,
  type WechatPayClientOptions,
} from '../../server/src/wechat/pay/pay-client'
import { PaySandbox, PaySandboxRefusal, type Scheduler } from '../../server/src/wechat/sandbox/pay/pay-sandbox'
import { paySandboxRoutes, safeReturn } from '../../server/src/wechat/sandbox/pay/pay-sandbox-routes'
import { generatePaySandboxCredentials, sandboxClientSettings } from '../../server/src/wechat/sandbox/pay/sandbox-credentials'
import { SandboxStore } from '../../server/src/wechat/sandbox/sandbox-store'
import { openTestStore, type TestStore } from '../support/store'

interface Received {
  kind: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

const PREFIX = '/sandbox/wechat/pay'
let testStore: TestStore
let app: FastifyInstance
let base: string
let sandbox: PaySandbox
let client: WechatPayClient
let clientOpts: WechatPayClientOptions
let skewMs = 0
const now = () => Date.now() + skewMs
const received: Received[] = []
const answers: number[] = []
let seq = 0
const tradeNo = () => `T${Date.now()}${++seq}`
const payNotify = () => `${base}/notify/pay`
const refundNotify = () => `${base}/notify/refund`

beforeAll(async () => {
  testStore = await openTestStore()
  const credentials = generatePaySandboxCredentials('wxsandbox0000000001')
  sandbox = new PaySandbox({ credentials, store: new SandboxStore(testStore.store.db), now, retryScheduleMs: [20, 20, 20], refundDelayMs: 30, deliveryTimeoutMs: 400 })
  app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>()
  await app.register(paySandboxRoutes, { prefix: PREFIX, sandbox })
  await app.register(async (receiver) => {
    receiver.removeContentTypeParser('application/json')
    receiver.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body))
    receiver.post<{ Params: { kind: string } }>('/notify/:kind', async (request, reply) => {
      received.push({ kind: request.params.kind, headers: request.headers, body: request.body as string })
      let status = answers.shift() ?? 200
      if (status === 0) {
        await new Promise((resolve) => setTimeout(resolve, 700)) // longer than deliveryTimeoutMs
        status = 200
      }
      return reply.status(status).send(status < 300 ? { code: 'SUCCESS', message: '成功' } : { code: 'FAIL', message: '失败' })
    })
  })
  app.post('/echo', async (request) => ({ type: typeof request.body }))
  await app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  clientOpts = { ...sandboxClientSettings(credentials), baseUrl: () => `${base}${PREFIX}`, now }
  client = createWechatPayClient(clientOpts)
})

afterAll(async () => {
  await sandbox.close()
  await app.close()
  await testStore.close()
})

beforeEach(() => {
  received.length = 0
  answers.length = 0
  skewMs = 0
})

const prepay = (outTradeNo: string, amountFen = 1280, over: Partial<Parameters<WechatPayClient['jsapiPrepay']>[0]> = {}) =>
  client.jsapiPrepay({
    outTradeNo, description: '乡集-土鸡蛋 30枚', amountFen, payerOpenid: 'o-buyer-1',
    timeExpire: new Date(now() + 30 * 60_000), notifyUrl: payNotify(), ...over,
  })

async function paidOrder(amountFen = 1280): Promise<string> {
  const outTradeNo = tradeNo()
  sandbox.userPays((await prepay(outTradeNo, amountFen)).prepayId)
  await sandbox.whenIdle()
  received.length = 0
  return outTradeNo
}

async function rejection(promise: Promise<unknown>): Promise<WechatPayError> {
  const err = await promise.then(() => null, (e: unknown) => e)
  expect(err).toBeInstanceOf(WechatPayError)
  return err as WechatPayError
}

function parseError(fn: () => unknown): NotificationRejected {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(NotificationRejected)
    return err as NotificationRejected
  }
  throw new Error('expected the notification to be rejected')
}

/** A raw, correctly signed request (for bodies the client would never send). */
function signedFetch(method: 'GET' | 'POST', path: string, body = '') {
  const c = sandbox.credentials
  const authorization = buildAuthorization({
    method, pathAndQuery: `${PREFIX}${path}`, body, mchid: c.mchid, serialNo: c.merchantSerial,
    privateKey: c.merchantPrivateKey, timestamp: unixSeconds(Date.now()), nonce: randomAlphanumeric(),
  })
  return fetch(`${base}${PREFIX}${path}`, {
    method, body: method === 'POST' ? body : undefined,
    headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
  })
}

describe('paying through the sandbox', () => {
  it('prepay → same params, same prepay_id → the buyer pays → a notification the client verifies and decrypts', async () => {
    const outTradeNo = tradeNo()
    const timeExpire = new Date(now() + 30 * 60_000)
    const first = await prepay(outTradeNo, 1280, { timeExpire })
    expect(first.prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/)
    expect((await prepay(outTradeNo, 1280, { timeExpire })).prepayId).toBe(first.prepayId)
    expect(client.requestPayment(first.prepayId)).toMatchObject({ package: `prepay_id=${first.prepayId}`, signType: 'RSA' })
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('NOTPAY')

    sandbox.userPays(first.prepayId)
    await sandbox.whenIdle()
    expect(received).toHaveLength(1)
    const n = client.parseNotification(received[0].headers, received[0].body)
    expect(n).toMatchObject({ eventType: 'TRANSACTION.SUCCESS', resourceType: 'encrypt-resource', originalType: 'transaction' })
    expect(n.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(n.resource).toMatchObject({
      out_trade_no: outTradeNo, trade_state: 'SUCCESS', appid: clientOpts.appId, mchid: clientOpts.mchid,
      amount: { total: 1280, payer_total: 1280 }, payer: { openid: 'o-buyer-1' },
    })
    const queried = await client.queryByOutTradeNo(outTradeNo)
    expect(queried).toMatchObject({ trade_state: 'SUCCESS', transaction_id: n.resource.transaction_id, success_time: expect.stringMatching(/\+08:00$/) })
    expect(queried.transaction_id).toMatch(/^42\d{26}$/)
    await expect(sandbox.userPays(first.prepayId)).rejects.toThrow(PaySandboxRefusal)
    expect((await rejection(prepay(outTradeNo, 1280, { timeExpire }))).code).toBe('ORDERPAID')
  })

  it('the same out_trade_no with other parameters is OUT_TRADE_NO_USED', async () => {
    const outTradeNo = tradeNo()
    await prepay(outTradeNo, 1280)
    const err = await rejection(prepay(outTradeNo, 1290))
    expect([err.status, err.code]).toEqual([403, 'OUT_TRADE_NO_USED'])
  })

  it('retries a notification the receiver refuses: 500, 500, then 200 is three deliveries', async () => {
    const outTradeNo = tradeNo()
    answers.push(500, 500, 200)
    await sandbox.userPays((await prepay(outTradeNo)).prepayId)
    expect(await sandbox.pendingDeliveries()).toHaveLength(1)
    await sandbox.whenIdle()
    expect(received).toHaveLength(3)
    expect(new Set(received.map((r) => r.body)).size).toBe(1)
    for (const r of received) expect(client.parseNotification(r.headers, r.body).resource.out_trade_no).toBe(outTradeNo)
    const delivery = sandbox.deliveries.find((d) => d.body === received[0].body)!
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 200])
    expect(delivery.state).toBe('delivered')
    expect(await sandbox.pendingDeliveries()).toHaveLength(0)
  })

  it('retries a notification the receiver does not answer in time', async () => {
    answers.push(0)
    sandbox.userPays((await prepay(tradeNo())).prepayId)
    await sandbox.whenIdle()
    expect(sandbox.deliveries.at(-1)!.attempts.map((a) => a.status)).toEqual([0, 200])
    expect(received).toHaveLength(2)
  })

  it('gives up after the last retry', async () => {
    answers.push(500, 500, 500, 500, 500)
    sandbox.userPays((await prepay(tradeNo())).prepayId)
    await sandbox.whenIdle()
    expect(received).toHaveLength(4)
    expect(sandbox.deliveries.at(-1)!.state).toBe('failed')
  })

  it('close → CLOSED, and the order can no longer be paid', async () => {
    const outTradeNo = tradeNo()
    const { prepayId } = await prepay(outTradeNo)
    await client.closeOrder(outTradeNo)
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('CLOSED')
    await expect(sandbox.userPays(prepayId)).rejects.toThrow(expect.objectContaining({ code: 'ORDER_CLOSED' }))
    expect((await sandbox.cashierView(prepayId))?.problem).toBe('订单已关闭')
    expect((await rejection(prepay(outTradeNo))).code).toBe('ORDER_CLOSED')
    expect((await rejection(client.closeOrder(outTradeNo))).code).toBe('ORDER_CLOSED')
    expect((await rejection(client.closeOrder('NOSUCHORDER1'))).code).toBe('ORDER_NOT_EXIST')
    const paid = await paidOrder()
    expect(await rejection(client.closeOrder(paid))).toMatchObject({ status: 403, code: 'ORDERPAID' })
  })

  it('an order past time_expire cannot be paid, but still reads NOTPAY', async () => {
    const outTradeNo = tradeNo()
    const { prepayId } = await prepay(outTradeNo, 500, { timeExpire: new Date(now() + 2 * 60_000) })
    skewMs = 3 * 60_000
    await expect(sandbox.userPays(prepayId)).rejects.toThrow(expect.objectContaining({ code: 'ORDER_EXPIRED' }))
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('NOTPAY')
  })

  it('an unknown order is 404 ORDER_NOT_EXIST', async () => {
    expect(await rejection(client.queryByOutTradeNo('NOSUCHORDER2'))).toMatchObject({ status: 404, code: 'ORDER_NOT_EXIST' })
  })
})

describe('refunds', () => {
  it('PROCESSING, then SUCCESS with a REFUND.SUCCESS notification; retrying the same out_refund_no is idempotent', async () => {
    const outTradeNo = await paidOrder(1280)
    const input = { outTradeNo, outRefundNo: `R${outTradeNo}`, refundFen: 1280, totalFen: 1280, reason: '缺货退款', notifyUrl: refundNotify() }
    const refund = await client.createRefund(input)
    expect(refund).toMatchObject({ status: 'PROCESSING', out_trade_no: outTradeNo, amount: { refund: 1280, total: 1280 } })
    expect((await client.createRefund(input)).refund_id).toBe(refund.refund_id)
    await sandbox.whenIdle()
    expect(received.map((r) => r.kind)).toEqual(['refund'])
    const n = client.parseNotification(received[0].headers, received[0].body)
    expect(n).toMatchObject({ eventType: 'REFUND.SUCCESS', originalType: 'refund' })
    expect(n.resource).toMatchObject({ out_refund_no: `R${outTradeNo}`, refund_id: refund.refund_id, refund_status: 'SUCCESS', amount: { refund: 1280, total: 1280 } })
    expect(await client.queryRefund(`R${outTradeNo}`)).toMatchObject({ status: 'SUCCESS', success_time: expect.any(String) })
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('REFUND')
  })

  it('refuses refunding more than was paid, a wrong order total, and an unknown refund', async () => {
    const outTradeNo = await paidOrder(1000)
    const refund = (outRefundNo: string, refundFen: number, totalFen = 1000) =>
      client.createRefund({ outTradeNo, outRefundNo, refundFen, totalFen, reason: '', notifyUrl: refundNotify() })
    expect((await refund(`R${outTradeNo}-1`, 600)).status).toBe('PROCESSING')
    expect(await rejection(refund(`R${outTradeNo}-2`, 401))).toMatchObject({ status: 400, code: 'INVALID_REQUEST' })
    expect(await rejection(refund(`R${outTradeNo}-3`, 100, 999))).toMatchObject({ status: 400, code: 'PARAM_ERROR' })
    expect((await refund(`R${outTradeNo}-4`, 400)).status).toBe('PROCESSING')
    expect(await rejection(refund(`R${outTradeNo}-5`, 1))).toMatchObject({ code: 'INVALID_REQUEST' })
    expect(await rejection(client.queryRefund('RNOSUCH'))).toMatchObject({ status: 404, code: 'RESOURCE_NOT_EXISTS' })
    await sandbox.whenIdle()
  })

  it('can settle as ABNORMAL when switched', async () => {
    const outTradeNo = await paidOrder(300)
    sandbox.switches.nextRefundOutcome = 'ABNORMAL'
    await client.createRefund({ outTradeNo, outRefundNo: `R${outTradeNo}`, refundFen: 300, totalFen: 300, reason: '', notifyUrl: refundNotify() })
    await sandbox.whenIdle()
    expect(client.parseNotification(received[0].headers, received[0].body)).toMatchObject({ eventType: 'REFUND.ABNORMAL', resource: { refund_status: 'ABNORMAL' } })
  })
})

describe('signatures and failures on the API', () => {
  it('a request signed with another key, a stale one, or none is 401 SIGN_ERROR', async () => {
    const wrongKey = createWechatPayClient({ ...clientOpts, merchantPrivateKey: sandbox.credentials.platformPrivateKey })
    expect(await rejection(wrongKey.queryByOutTradeNo('NOSUCHORDER3'))).toMatchObject({ status: 401, code: 'SIGN_ERROR' })
    const stale = createWechatPayClient({ ...clientOpts, now: () => Date.now() - 6 * 60_000 })
    const err = await rejection(stale.queryByOutTradeNo('NOSUCHORDER3'))
    expect([err.status, err.code, err.message]).toEqual([401, 'SIGN_ERROR', expect.stringContaining('5分钟')])
    const bare = await fetch(`${base}${PREFIX}/v3/pay/transactions/out-trade-no/X123456?mchid=${clientOpts.mchid}`)
    expect(bare.status).toBe(401)
    expect(await bare.json()).toMatchObject({ code: 'SIGN_ERROR' })
  })

  it('validates prepay like WeChat Pay', async () => {
    const body = (over: object) => JSON.stringify({
      appid: clientOpts.appId, mchid: clientOpts.mchid, description: '土鸡蛋', out_trade_no: tradeNo(),
      notify_url: payNotify(), amount: { total: 100, currency: 'CNY' }, payer: { openid: 'o-1' }, ...over,
    })
    const post = async (over: object) => {
      const res = await signedFetch('POST', '/v3/pay/transactions/jsapi', body(over))
      return [res.status, ((await res.json()) as { code: string }).code]
    }
    expect(await post({})).toEqual([200, undefined])
    expect(await post({ notify_url: `${payNotify()}?a=1` })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ notify_url: 'ftp://example.com/n' })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ out_trade_no: 'T123' })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ out_trade_no: 'T1234567#' })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ amount: { total: 0 } })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ amount: { total: 1.5 } })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ description: '🥚' })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ attach: null })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ payer: undefined })).toEqual([400, 'PARAM_ERROR'])
    expect(await post({ appid: 'wx0000000000000000' })).toEqual([400, 'APPID_MCHID_NOT_MATCH'])
  })

  it('switches: 500 SYSTEM_ERROR, 429, and unsigned or probe answers the client treats as forged', async () => {
    sandbox.failNextCall('SYSTEM_ERROR')
    expect(await rejection(prepay(tradeNo()))).toMatchObject({ status: 500, code: 'SYSTEM_ERROR' })
    sandbox.failNextCall('RATELIMIT_EXCEEDED')
    expect(await rejection(prepay(tradeNo()))).toMatchObject({ status: 429, code: 'RATELIMIT_EXCEEDED' })
    sandbox.failNextCall('UNSIGNED_RESPONSE')
    expect(await rejection(prepay(tradeNo()))).toMatchObject({ status: 200, code: 'INVALID_RESPONSE_SIGNATURE' })
    const outTradeNo = tradeNo()
    await prepay(outTradeNo)
    sandbox.failNextCall('SIGNTEST_RESPONSE')
    expect(await rejection(client.closeOrder(outTradeNo))).toMatchObject({ status: 204, code: 'INVALID_RESPONSE_SIGNATURE', message: expect.stringContaining('SIGNTEST_PROBE') })
    expect(sandbox.switches.nextCalls).toHaveLength(0)
  })

  it('no answer is a NETWORK error', async () => {
    const down = createWechatPayClient({ ...clientOpts, baseUrl: () => 'http://127.0.0.1:9', timeoutMs: 1000 })
    expect(await rejection(down.queryByOutTradeNo('X1234567'))).toMatchObject({ status: 0, code: 'NETWORK' })
    const slow = createWechatPayClient({ ...clientOpts, timeoutMs: 20, fetchImpl: (_u, init) => new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(new Error('timeout')))) })
    expect(await rejection(slow.queryByOutTradeNo('X1234567'))).toMatchObject({ status: 0, code: 'NETWORK' })
  })

  it('the raw-body parser stays inside the sandbox plugin', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' })
    expect(await res.json()).toEqual({ type: 'object' })
  })
})

describe('forged and repeated notifications', () => {
  it.each([
    ['SIGNTEST_PROBE', 'SIGNTEST_PROBE'],
    ['STALE_TIMESTAMP', 'STALE_TIMESTAMP'],
    ['UNKNOWN_SERIAL', 'UNKNOWN_SERIAL'],
    ['FORGED_SIGNATURE', 'BAD_SIGNATURE'],
  ] as const)('%s is rejected by parseNotification with %s', async (kind, reason) => {
    const outTradeNo = tradeNo()
    await prepay(outTradeNo)
    const attempt = await sandbox.deliverForgery(kind, { url: payNotify(), outTradeNo })
    expect(attempt.status).toBe(200) // our toy receiver accepts anything; a real handler answers non-2xx
    expect(received).toHaveLength(1)
    expect(parseError(() => client.parseNotification(received[0].headers, received[0].body)).reason).toBe(reason)
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('NOTPAY')
  })

  it('a wrong-amount notification is correctly signed and parses (the order service checks amounts)', async () => {
    const outTradeNo = tradeNo()
    await prepay(outTradeNo, 9900)
    await sandbox.deliverForgery('WRONG_AMOUNT', { url: payNotify(), outTradeNo })
    const n = client.parseNotification(received[0].headers, received[0].body)
    expect(n.resource).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS', amount: { total: 1 } })
  })

  it('a tampered body fails the signature, and a wrong APIv3 key fails decryption', async () => {
    const outTradeNo = await paidOrder()
    await sandbox.deliverDuplicates(outTradeNo, 1)
    const { headers, body } = received[0]
    expect(parseError(() => client.parseNotification(headers, body.replace('"id":"', '"id":"x'))).reason).toBe('BAD_SIGNATURE')
    const otherKey = createWechatPayClient({ ...clientOpts, apiV3Key: 'A'.repeat(32) })
    expect(parseError(() => otherKey.parseNotification(headers, body)).reason).toBe('DECRYPT_FAILED')
  })

  it('duplicates deliver the same notification N times', async () => {
    const outTradeNo = await paidOrder()
    const attempts = await sandbox.deliverDuplicates(outTradeNo, 3)
    expect(attempts.map((a) => a.status)).toEqual([200, 200, 200])
    expect(received).toHaveLength(3)
    const ids = received.map((r) => client.parseNotification(r.headers, r.body).id)
    expect(new Set(ids).size).toBe(1)
  })
})

describe('the sandbox cashier (H5)', () => {
  it('shows the order and pays it, then the notification follows', async () => {
    const outTradeNo = tradeNo()
    const { prepayId } = await prepay(outTradeNo, 1280)
    const page = await fetch(`${base}${PREFIX}/cashier?prepay_id=${prepayId}&return=${encodeURIComponent('/#/pages/orders/detail?id=7')}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    for (const s of ['沙箱收银台 — 模拟微信支付', '商户：乡集', '¥12.80', 'id="sandbox-pay-confirm"', 'id="sandbox-pay-cancel"', '确认支付', '取消', '"/#/pages/orders/detail?id=7"']) {
      expect(html).toContain(s)
    }
    const pay = await fetch(`${base}${PREFIX}/cashier/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prepayId }) })
    expect(pay.status).toBe(200)
    await sandbox.whenIdle()
    expect(client.parseNotification(received[0].headers, received[0].body).resource.out_trade_no).toBe(outTradeNo)
    const again = await fetch(`${base}${PREFIX}/cashier/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prepayId }) })
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([400, 'ORDERPAID'])
  })

  it('ignores a foreign return URL and 404s an unknown prepay_id', async () => {
    const { prepayId } = await prepay(tradeNo())
    const html = await (await fetch(`${base}${PREFIX}/cashier?prepay_id=${prepayId}&return=${encodeURIComponent('https://evil.example/')}`)).text()
    expect(html).toContain('"returnUrl":null')
    expect((await fetch(`${base}${PREFIX}/cashier?prepay_id=wxnope`)).status).toBe(404)
  })

  it.each([
    ['/pages/index', '/pages/index'],
    ['http://h:1/x?y#z', 'http://h:1/x?y#z'],
    ['http://h:1', 'http://h:1'],
    ['//evil.example/', null],
    ['/\\evil.example', null],
    ['/\t/evil.example', null],
    ['http://h:1@evil.example/', null],
    ['http://h:10/', null],
    ['javascript:alert(1)', null],
  ])('return %j → %j', (value, expected) => {
    expect(safeReturn(value, 'http://h:1')).toBe(expected)
  })
})

describe('a prepay_id lives 2 hours', () => {
  const HOUR = 3600_000
  const cashierPay = (prepayId: string) =>
    fetch(`${base}${PREFIX}/cashier/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prepayId }) })

  it('within its 2 hours the same prepay gives the same prepay_id; after them, a new one', async () => {
    const outTradeNo = tradeNo()
    const timeExpire = new Date(now() + 24 * HOUR)
    const first = (await prepay(outTradeNo, 880, { timeExpire })).prepayId
    skewMs = 2 * HOUR - 60_000
    expect((await prepay(outTradeNo, 880, { timeExpire })).prepayId).toBe(first)
    expect((await sandbox.cashierView(first))?.problem).toBeUndefined()
    skewMs = 2 * HOUR
    const second = (await prepay(outTradeNo, 880, { timeExpire })).prepayId
    expect(second).not.toBe(first)
    expect(second).toMatch(/^wx\d{14}[0-9a-f]{20}$/)
    skewMs = 3 * HOUR
    expect((await prepay(outTradeNo, 880, { timeExpire })).prepayId).toBe(second)
  })

  it('an expired prepay_id is refused by the cashier and userPays; the re-call’s new one pays', async () => {
    const outTradeNo = tradeNo()
    const timeExpire = new Date(now() + 24 * HOUR)
    const old = (await prepay(outTradeNo, 1280, { timeExpire })).prepayId
    skewMs = 2 * HOUR + 60_000
    await expect(sandbox.userPays(old)).rejects.toThrow(expect.objectContaining({ code: 'PREPAY_EXPIRED', message: '支付单已失效，请重新下单' }))
    expect(await sandbox.cashierView(old)).toMatchObject({ amountFen: 1280, problem: '支付单已失效，请重新下单' })
    const html = await (await fetch(`${base}${PREFIX}/cashier?prepay_id=${old}`)).text()
    expect(html).toContain('id="sandbox-pay-confirm" type="button" disabled')
    expect(html).toContain('支付单已失效，请重新下单')
    const refused = await cashierPay(old)
    expect([refused.status, await refused.json()]).toEqual([400, { code: 'PREPAY_EXPIRED', message: '支付单已失效，请重新下单' }])
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('NOTPAY')

    const fresh = (await prepay(outTradeNo, 1280, { timeExpire })).prepayId
    expect(fresh).not.toBe(old)
    await expect(sandbox.userPays(old)).rejects.toThrow(expect.objectContaining({ code: 'PREPAY_EXPIRED' })) // superseded stays refused
    const paid = await cashierPay(fresh)
    expect([paid.status, await paid.json()]).toEqual([200, { trade_state: 'SUCCESS', out_trade_no: outTradeNo }])
    await sandbox.whenIdle()
    expect(client.parseNotification(received[0].headers, received[0].body).resource).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS' })
  })

  it('past time_expire there is no new prepay_id: the order is closed for paying', async () => {
    const outTradeNo = tradeNo()
    const timeExpire = new Date(now() + 3 * HOUR)
    await prepay(outTradeNo, 500, { timeExpire })
    skewMs = 3 * HOUR + 60_000
    expect(await rejection(prepay(outTradeNo, 500, { timeExpire }))).toMatchObject({ status: 400, code: 'ORDER_CLOSED' })
  })
})

describe('refund scenarios, played on demand', () => {
  /** Refund settlements wait here until step() runs them: "refundDelayMs later", deterministically. */
  let due: Array<() => void> = []
  const scheduler: Scheduler = {
    setTimeout: (fn) => {
      due.push(fn)
      return fn
    },
    clearTimeout: (handle) => {
      due = due.filter((fn) => fn !== handle)
    },
  }
  let sbx: PaySandbox
  let api: FastifyInstance
  let apiBase: string
  let wx: WechatPayClient

  beforeAll(async () => {
    const credentials = generatePaySandboxCredentials('wxsandbox0000000002')
    sbx = new PaySandbox({ credentials, store: new SandboxStore(testStore.store.db), now, scheduler, retryScheduleMs: [20], refundDelayMs: 1000, deliveryTimeoutMs: 400 })
    api = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>()
    await api.register(paySandboxRoutes, { prefix: PREFIX, sandbox: sbx })
    await api.listen({ port: 0, host: '127.0.0.1' })
    apiBase = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`
    wx = createWechatPayClient({ ...sandboxClientSettings(credentials), baseUrl: () => `${apiBase}${PREFIX}`, now })
  })
  afterAll(async () => {
    await sbx.close()
    await api.close()
  })
  beforeEach(() => {
    due = []
  })

  async function deliveriesDone(): Promise<void> {
    await sbx.whenSettled()
    expect(await sbx.pendingDeliveries()).toHaveLength(0)
  }
  /** One refundDelayMs passes: what is due runs, and the notices it sends arrive. */
  async function step(): Promise<void> {
    const ready = due
    due = []
    for (const fn of ready) fn()
    await deliveriesDone()
  }
  async function paid(amountFen = 1000): Promise<string> {
    const outTradeNo = tradeNo()
    const { prepayId } = await wx.jsapiPrepay({
      outTradeNo, description: '乡集-修文猕猴桃', amountFen, payerOpenid: 'o-buyer-2', timeExpire: new Date(now() + 30 * 60_000), notifyUrl: payNotify(),
    })
    sbx.userPays(prepayId)
    await deliveriesDone()
    received.length = 0
    return outTradeNo
  }
  const refund = (outTradeNo: string, outRefundNo = `R${outTradeNo}`, refundFen = 1000) =>
    wx.createRefund({ outTradeNo, outRefundNo, refundFen, totalFen: 1000, reason: '缺货退款', notifyUrl: refundNotify() })
  const notices = () => received.map((r) => wx.parseNotification(r.headers, r.body))
  const arm = (scenario: unknown) =>
    fetch(`${apiBase}${PREFIX}/refund-scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario }) })

  it.each([
    ['SUCCESS', true],
    ['CLOSED', false],
    ['ABNORMAL', false],
  ] as const)('%s: PROCESSING until refundDelayMs, then its REFUND.* notice once, and the query says so', async (scenario, succeeds) => {
    const outTradeNo = await paid()
    sbx.switches.nextRefundOutcome = scenario
    expect((await refund(outTradeNo)).status).toBe('PROCESSING')
    expect(await sbx.armedRefundScenario()).toBeNull()
    expect(await wx.queryRefund(`R${outTradeNo}`)).toMatchObject({ status: 'PROCESSING' })
    expect(received).toHaveLength(0)
    await step()
    expect(notices()).toEqual([expect.objectContaining({ eventType: `REFUND.${scenario}`, resource: expect.objectContaining({ refund_status: scenario }) })])
    const queried = await wx.queryRefund(`R${outTradeNo}`)
    expect(queried.status).toBe(scenario)
    expect(queried.success_time !== undefined).toBe(succeeds)
    expect((await wx.queryByOutTradeNo(outTradeNo)).trade_state).toBe(succeeds ? 'REFUND' : 'SUCCESS')
  })

  it('ABNORMAL holds the amount: no second refund of it while the first may still be paid back', async () => {
    const outTradeNo = await paid()
    sbx.switches.nextRefundOutcome = 'ABNORMAL'
    await refund(outTradeNo)
    await step()
    expect(await rejection(refund(outTradeNo, `R${outTradeNo}-again`))).toMatchObject({ status: 400, code: 'INVALID_REQUEST' })
  })

  it('ABNORMAL_THEN_SUCCESS: REFUND.ABNORMAL after refundDelayMs, REFUND.SUCCESS one refundDelayMs later', async () => {
    const outTradeNo = await paid()
    expect((await arm('ABNORMAL_THEN_SUCCESS')).status).toBe(200)
    await refund(outTradeNo)
    expect((await wx.queryRefund(`R${outTradeNo}`)).status).toBe('PROCESSING')
    await step()
    expect(notices().map((n) => n.eventType)).toEqual(['REFUND.ABNORMAL'])
    const abnormal = await wx.queryRefund(`R${outTradeNo}`)
    expect(abnormal.status).toBe('ABNORMAL')
    expect(abnormal.success_time).toBeUndefined()
    expect((await refund(outTradeNo)).status).toBe('ABNORMAL') // a retry with the same out_refund_no sees the current state
    await step()
    expect(notices().map((n) => [n.eventType, (n.resource as { refund_status: string }).refund_status])).toEqual([
      ['REFUND.ABNORMAL', 'ABNORMAL'],
      ['REFUND.SUCCESS', 'SUCCESS'],
    ])
    expect(notices()[1].resource).toMatchObject({ out_refund_no: `R${outTradeNo}`, success_time: expect.stringMatching(/\+08:00$/) })
    expect(await wx.queryRefund(`R${outTradeNo}`)).toMatchObject({ status: 'SUCCESS', success_time: expect.any(String) })
    expect((await wx.queryByOutTradeNo(outTradeNo)).trade_state).toBe('REFUND')
    expect(due).toHaveLength(0)
  })

  it('REFUSED: 403 USER_ACCOUNT_ABNORMAL, no refund made, and every retry of that out_refund_no is refused alike', async () => {
    const outTradeNo = await paid()
    expect(await (await arm('REFUSED')).json()).toEqual({ scenario: 'REFUSED' })
    const first = await rejection(refund(outTradeNo))
    expect([first.status, first.code, first.message]).toEqual([403, 'USER_ACCOUNT_ABNORMAL', expect.stringContaining('不能原路退回')])
    expect(await sbx.armedRefundScenario()).toBeNull()
    for (let i = 0; i < 2; i++) expect(await rejection(refund(outTradeNo))).toMatchObject({ status: 403, code: 'USER_ACCOUNT_ABNORMAL', message: first.message })
    expect(await rejection(wx.queryRefund(`R${outTradeNo}`))).toMatchObject({ status: 404, code: 'RESOURCE_NOT_EXISTS' })
    expect(due).toHaveLength(0)
    await step()
    expect(received).toHaveLength(0)
    // Nothing was held: another refund (another out_refund_no) of the whole amount is taken.
    expect((await refund(outTradeNo, `R${outTradeNo}-2`)).status).toBe('PROCESSING')
    await step()
    expect(notices().map((n) => n.eventType)).toEqual(['REFUND.SUCCESS'])
  })

  it('SUCCESS_NOTICE_LOST: SUCCESS after refundDelayMs, no notice ever; the query reports SUCCESS with success_time', async () => {
    const outTradeNo = await paid()
    await arm('SUCCESS_NOTICE_LOST')
    const sent = sbx.deliveries.length
    await refund(outTradeNo)
    expect((await wx.queryRefund(`R${outTradeNo}`)).status).toBe('PROCESSING')
    await step()
    expect(await wx.queryRefund(`R${outTradeNo}`)).toMatchObject({ status: 'SUCCESS', success_time: expect.stringMatching(/\+08:00$/) })
    expect(sbx.deliveries).toHaveLength(sent)
    expect(received).toHaveLength(0)
    expect(due).toHaveLength(0)
  })

  it('only the next refund plays the scenario; the one after settles SUCCESS', async () => {
    const a = await paid()
    const b = await paid()
    await arm('CLOSED')
    await refund(a)
    await refund(b)
    await step()
    expect(notices().map((n) => [n.resource.out_trade_no, n.eventType])).toEqual([
      [a, 'REFUND.CLOSED'],
      [b, 'REFUND.SUCCESS'],
    ])
  })

  it('POST /refund-scenario refuses an unknown scenario or a bad body in the app’s error shape, arming nothing', async () => {
    sbx.switches.nextRefundOutcome = null
    for (const scenario of ['PARTIAL', 'success', 42, null]) {
      const res = await arm(scenario)
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('body') } })
    }
    const broken = await fetch(`${apiBase}${PREFIX}/refund-scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"scenario":' })
    expect([broken.status, ((await broken.json()) as { error: { code: string } }).error.code]).toEqual([400, 'INVALID_BODY'])
    expect(await sbx.armedRefundScenario()).toBeNull()
  })
})
