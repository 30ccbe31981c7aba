/**
 * The fake WeChat Pay server's state and rules (wechat-protocols.md §2.12), independent of HTTP:
 * pay-sandbox-routes.ts hands each request here as (method, raw path+query, headers, raw body)
 * and sends the answer back verbatim.
 *
 * - Inbound Authorization is verified with the registered merchant key (401 SIGN_ERROR otherwise,
 *   including a timestamp more than 5 minutes off); every 2xx is signed with the platform key under
 *   the PUB_KEY_ID_… serial; every answer carries Request-ID.
 * - Orders: JSAPI prepay with WeChat's validation, query, close; refunds answer PROCESSING and
 *   settle after `refundDelayMs` with a REFUND.* notification.
 * - Notifications: encrypted with the APIv3 key, signed, POSTed to notify_url; a non-2xx answer or
 *   no answer within `deliveryTimeoutMs` is retried on WeChat's schedule (scaled by `retryScale`).
 * - Test hooks: userPays(), switches (500 / 429 / unsigned or probe answers, refund outcome),
 *   forged and duplicate notifications, and whenIdle() to await every delivery.
 * `now` and the scheduler are injectable so tests stay deterministic.
 */
import crypto, { type KeyObject } from 'node:crypto'
import { encryptResource, rsaSign, signResponse, SIGNTEST_PREFIX, verifyAuthorization } from '../../pay/pay-crypto'
import { toChinaRfc3339, type Refund, type RefundStatus, type Transaction } from '../../pay/pay-client'
import type { PaySandboxCredentials } from './sandbox-credentials'

const MIN = 60_000
/** WeChat Pay's notification retry delays after a failed attempt: 15s/15s/30s/3m/…/6h (24h4m). */
export const WECHAT_NOTIFY_RETRY_SCHEDULE_MS: readonly number[] = [
  0.25, 0.25, 0.5, 3, 10, 20, 30, 30, 30, 60, 180, 180, 180, 360, 360,
].map((m) => m * MIN)
const PREPAY_TTL_MS = 2 * 3600_000
const DEFAULT_EXPIRY_MS = 7 * 24 * 3600_000
const MAX_EXPIRY_MS = 90 * 24 * 3600_000
const REFUND_WINDOW_MS = 365 * 24 * 3600_000

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}
const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

export interface PaySandboxOptions {
  credentials: PaySandboxCredentials
  now?: () => number
  scheduler?: Scheduler
  /** Multiplies WeChat's real retry schedule (1 = real time); ignored when retryScheduleMs is given. */
  retryScale?: number
  retryScheduleMs?: readonly number[]
  /** WeChat counts a notification as failed without an answer within 5 s. */
  deliveryTimeoutMs?: number
  /** PROCESSING → final refund status after this long. */
  refundDelayMs?: number
  /** The platform-configured refund callback, used when a refund request names none. */
  refundNotifyUrl?: string
  /** When given, prepay refuses openids this returns false for ("known openid for the appid"). */
  isKnownOpenid?: (openid: string) => boolean
  fetchImpl?: typeof fetch
}

export interface SandboxRequest {
  method: string
  /** The raw path and query exactly as received, e.g. /sandbox/wechat/pay/v3/pay/transactions/jsapi. */
  url: string
  headers: Record<string, string | string[] | undefined>
  rawBody: string
}
export interface SandboxResponse {
  status: number
  headers: Record<string, string>
  body: string
}
export type SandboxOperation =
  | { op: 'prepay' }
  | { op: 'query'; outTradeNo: string; mchid: string | undefined }
  | { op: 'close'; outTradeNo: string }
  | { op: 'refund' }
  | { op: 'queryRefund'; outRefundNo: string }

/** What the next authenticated API calls answer instead of the real thing (consumed in order). */
export type ApiFailure = 'SYSTEM_ERROR' | 'RATELIMIT_EXCEEDED' | 'UNSIGNED_RESPONSE' | 'SIGNTEST_RESPONSE'
export type ForgeryKind = 'SIGNTEST_PROBE' | 'STALE_TIMESTAMP' | 'UNKNOWN_SERIAL' | 'FORGED_SIGNATURE' | 'WRONG_AMOUNT'

export interface DeliveryAttempt {
  at: number
  /** HTTP status, or 0 when the receiver did not answer (network error, timeout). */
  status: number
  error?: string
}
export interface Delivery {
  seq: number
  url: string
  notificationId: string
  eventType: string
  /** Set for forged and duplicate deliveries (one attempt, no retries). */
  kind: 'genuine' | 'duplicate' | ForgeryKind
  body: string
  attempts: DeliveryAttempt[]
  state: 'pending' | 'delivered' | 'failed' | 'cancelled'
}

/** userPays() refused: the order cannot be paid (PREPAY_NOT_FOUND, ORDER_CLOSED, ORDER_EXPIRED, ORDERPAID…). */
export class PaySandboxRefusal extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

class Fault extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

interface SandboxOrder {
  appid: string
  mchid: string
  outTradeNo: string
  description: string
  attach?: string
  notifyUrl: string
  total: number
  openid: string
  expiresAt: number
  paramsKey: string
  prepayId: string
  prepayIssuedAt: number
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND'
  transactionId?: string
  successTime?: string
  payerTotal?: number
  lastNotification?: { url: string; body: string; eventType: string; id: string }
}

interface SandboxRefund {
  refundId: string
  outRefundNo: string
  outTradeNo: string
  refund: number
  notifyUrl?: string
  createTime: string
  status: RefundStatus
  successTime?: string
}

// ---- validation helpers (WeChat's own codes and wording) -------------------------------------

type Json = Record<string, unknown>
const param = (message: string) => new Fault(400, 'PARAM_ERROR', message)
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const hasNull = (v: unknown): boolean =>
  v === null || (typeof v === 'object' && Object.values(v as object).some(hasNull))
const hasAstral = (s: string) => Array.from(s).some((ch) => ch.codePointAt(0)! > 0xffff)

function field(obj: Json, key: string, where: string, kind: 'string' | 'object' | 'integer', required: boolean): unknown {
  const v = obj[key]
  if (v === undefined) {
    if (required) throw param(`输入源“${where}/${key}”映射到字段“${key}”必填性规则校验失败，此字段为必填项`)
    return undefined
  }
  const ok = kind === 'string' ? typeof v === 'string' : kind === 'object' ? isObject(v) : Number.isSafeInteger(v)
  if (!ok) throw param(`输入源“${where}/${key}”映射到字段“${key}”类型错误，应为${kind}`)
  return v
}

/** String lengths count characters; 4-byte UTF-8 characters (emoji) are refused as WeChat does. */
function text(obj: Json, key: string, where: string, max: number, required = true): string | undefined {
  const v = field(obj, key, where, 'string', required) as string | undefined
  if (v === undefined) return undefined
  if (required && v.length === 0) throw param(`字段“${key}”不能为空`)
  if (Array.from(v).length > max) throw param(`字段“${key}”长度超过${max}`)
  if (hasAstral(v)) throw param(`字段“${key}”包含不支持的字符（如emoji）`)
  return v
}

function notifyUrl(v: string, key: string): string {
  let parsed: URL
  try {
    parsed = new URL(v)
  } catch {
    throw param(`字段“${key}”不是合法的URL`)
  }
  // The real service demands https. The sandbox also accepts http because it runs on localhost.
  if (!['https:', 'http:'].includes(parsed.protocol) || v.includes('?') || v.includes('#')) {
    throw param(`字段“${key}”必须为https地址，且不能携带参数`)
  }
  return v
}

const canonical = (v: unknown): string =>
  isObject(v)
    ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
    : Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : JSON.stringify(v)

const digits = (n: number) => Array.from(crypto.randomBytes(n), (b) => String(b % 10)).join('')
const requestId = () => crypto.randomBytes(16).toString('hex').toUpperCase()
const STATE_DESC = { NOTPAY: '订单未支付', SUCCESS: '支付成功', CLOSED: '订单已关闭', REFUND: '转入退款' } as const

export class PaySandbox {
  readonly credentials: PaySandboxCredentials
  readonly switches: { nextCalls: ApiFailure[]; nextRefundOutcome: Exclude<RefundStatus, 'PROCESSING'> | null } = {
    nextCalls: [],
    nextRefundOutcome: null,
  }
  /** Every notification sent, oldest first. */
  readonly deliveries: Delivery[] = []

  private readonly now: () => number
  private readonly scheduler: Scheduler
  private readonly retryDelays: readonly number[]
  private readonly fetchImpl: typeof fetch
  private readonly orders = new Map<string, SandboxOrder>()
  private readonly prepays = new Map<string, string>()
  private readonly refunds = new Map<string, SandboxRefund>()
  private readonly timers = new Set<unknown>()
  private busy = 0
  private idleWaiters: Array<() => void> = []
  private attackerKey?: KeyObject

  constructor(private readonly opts: PaySandboxOptions) {
    this.credentials = opts.credentials
    this.now = opts.now ?? Date.now
    this.scheduler = opts.scheduler ?? realScheduler
    this.retryDelays = opts.retryScheduleMs ?? WECHAT_NOTIFY_RETRY_SCHEDULE_MS.map((ms) => ms * (opts.retryScale ?? 1))
    this.fetchImpl = opts.fetchImpl ?? fetch
  }

  // ---- the API ------------------------------------------------------------------------------

  handle(req: SandboxRequest, operation: SandboxOperation): SandboxResponse {
    const c = this.credentials
    const authorization = req.headers['authorization'] ?? req.headers['Authorization']
    const verdict = verifyAuthorization(
      { method: req.method, pathAndQuery: req.url, body: req.rawBody, authorization: Array.isArray(authorization) ? authorization[0] : authorization },
      (mchid, serial) => (mchid === c.mchid && serial.toUpperCase() === c.merchantSerial ? c.merchantPublicKey : undefined),
      this.now(),
    )
    if (!verdict.ok) {
      const message =
        verdict.reason === 'STALE_TIMESTAMP'
          ? 'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟'
          : verdict.reason === 'MISSING_HEADERS'
            ? 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》'
            : '签名错误，请检查后再试'
      return this.errorResponse(401, 'SIGN_ERROR', message)
    }
    const failure = this.switches.nextCalls.shift()
    if (failure === 'SYSTEM_ERROR') return this.errorResponse(500, 'SYSTEM_ERROR', '系统繁忙，请稍后重试')
    if (failure === 'RATELIMIT_EXCEEDED') return this.errorResponse(429, 'RATELIMIT_EXCEEDED', '请求超过频率限制，请稍后再试')
    try {
      const { status, json } = this.dispatch(operation, req)
      const body = json === undefined ? '' : JSON.stringify(json)
      const headers: Record<string, string> = { 'Request-ID': requestId() }
      if (json !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8'
      if (failure === 'UNSIGNED_RESPONSE') return { status, headers, body }
      const signed = signResponse(body, c.platformPrivateKey, c.publicKeyId, this.now())
      if (failure === 'SIGNTEST_RESPONSE') signed['Wechatpay-Signature'] = SIGNTEST_PREFIX + crypto.randomBytes(64).toString('base64')
      return { status, headers: { ...headers, ...signed }, body }
    } catch (err) {
      if (err instanceof Fault) return this.errorResponse(err.status, err.code, err.message)
      throw err
    }
  }

  private errorResponse(status: number, code: string, message: string): SandboxResponse {
    return { status, headers: { 'Request-ID': requestId(), 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ code, message }) }
  }

  private dispatch(o: SandboxOperation, req: SandboxRequest): { status: number; json?: object } {
    switch (o.op) {
      case 'prepay':
        return { status: 200, json: this.prepay(this.parseBody(req.rawBody)) }
      case 'query':
        if (!o.mchid) throw param('输入源“/query/mchid”映射到字段“mchid”必填性规则校验失败，此字段为必填项')
        if (o.mchid !== this.credentials.mchid) throw new Fault(400, 'MCH_NOT_EXISTS', '商户号不存在')
        return { status: 200, json: this.transactionView(this.order(o.outTradeNo)) }
      case 'close':
        this.closeOrder(o.outTradeNo, this.parseBody(req.rawBody))
        return { status: 204 }
      case 'refund':
        return { status: 200, json: this.createRefund(this.parseBody(req.rawBody)) }
      case 'queryRefund': {
        const refund = this.refunds.get(o.outRefundNo)
        if (!refund) throw new Fault(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
        return { status: 200, json: this.refundView(refund) }
      }
    }
  }

  private parseBody(raw: string): Json {
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      throw param('请求体不是合法的JSON')
    }
    if (!isObject(body)) throw param('请求体必须是JSON对象')
    if (hasNull(body)) throw param('请求体中不允许出现null')
    return body
  }

  private order(outTradeNo: string): SandboxOrder {
    const order = this.orders.get(outTradeNo)
    if (!order) throw new Fault(404, 'ORDER_NOT_EXIST', '订单不存在')
    return order
  }

  private prepay(b: Json): { prepay_id: string } {
    const c = this.credentials
    const appid = text(b, 'appid', '/body', 32)!
    const mchid = text(b, 'mchid', '/body', 32)!
    const description = text(b, 'description', '/body', 127)!
    const outTradeNo = text(b, 'out_trade_no', '/body', 32)!
    if (!/^[0-9A-Za-z_\-*]{6,32}$/.test(outTradeNo)) throw param('字段“out_trade_no”须为6-32位数字、字母、_-*')
    const url = notifyUrl(text(b, 'notify_url', '/body', 255)!, 'notify_url')
    const attach = text(b, 'attach', '/body', 128, false)
    const timeExpire = text(b, 'time_expire', '/body', 64, false)
    const amount = field(b, 'amount', '/body', 'object', true) as Json
    const total = field(amount, 'total', '/body/amount', 'integer', true) as number
    if (total <= 0) throw param('字段“amount.total”必须大于0')
    if (amount.currency !== undefined && amount.currency !== 'CNY') throw param('字段“amount.currency”只支持CNY')
    const payer = field(b, 'payer', '/body', 'object', true) as Json
    const openid = text(payer, 'openid', '/body/payer', 128)!
    if (mchid !== c.mchid || appid !== c.appId) throw new Fault(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
    if (this.opts.isKnownOpenid && !this.opts.isKnownOpenid(openid)) throw param('openid和appid不匹配')

    const now = this.now()
    let expiresAt = now + DEFAULT_EXPIRY_MS
    if (timeExpire !== undefined) {
      const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(timeExpire) ? Date.parse(timeExpire) : NaN
      if (Number.isNaN(parsed)) throw param('字段“time_expire”须为RFC3339格式，如2018-06-08T10:34:56+08:00')
      if (parsed > now + MAX_EXPIRY_MS) throw param('字段“time_expire”不能晚于下单后90天')
      expiresAt = Math.max(parsed, now + MIN) // earlier than +1 min is moved to +1 min, as WeChat does
    }

    const paramsKey = canonical(b)
    const existing = this.orders.get(outTradeNo)
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') throw new Fault(403, 'ORDERPAID', '该订单已支付')
      if (existing.state === 'CLOSED') throw new Fault(400, 'ORDER_CLOSED', '订单已关闭')
      if (now > existing.expiresAt) throw new Fault(400, 'ORDER_CLOSED', '订单已过支付截止时间')
      if (existing.paramsKey !== paramsKey) throw new Fault(403, 'OUT_TRADE_NO_USED', '商户订单号重复')
      // Same parameters: the order's current prepay_id (a fresh one once the 2-hour one lapsed).
      if (now - existing.prepayIssuedAt >= PREPAY_TTL_MS) this.issuePrepay(existing)
      return { prepay_id: existing.prepayId }
    }
    const order: SandboxOrder = {
      appid, mchid, outTradeNo, description, attach, notifyUrl: url, total, openid, expiresAt, paramsKey,
      prepayId: '', prepayIssuedAt: 0, state: 'NOTPAY',
    }
    this.issuePrepay(order)
    this.orders.set(outTradeNo, order)
    return { prepay_id: order.prepayId }
  }

  private issuePrepay(order: SandboxOrder): void {
    const stamp = toChinaRfc3339(this.now()).slice(0, 19).replace(/\D/g, '')
    order.prepayId = `wx${stamp}${crypto.randomBytes(10).toString('hex')}`
    order.prepayIssuedAt = this.now()
    this.prepays.set(order.prepayId, order.outTradeNo)
  }

  /**
   * Close: 204 and CLOSED. Choices where the docs disagree: an unknown order is 404 ORDER_NOT_EXIST
   * (one report says the real service answers 204), a paid order is 403 ORDERPAID (older code
   * table), closing twice is 400 ORDER_CLOSED (official close table).
   */
  private closeOrder(outTradeNo: string, b: Json): void {
    const mchid = text(b, 'mchid', '/body', 32)!
    if (mchid !== this.credentials.mchid) throw new Fault(400, 'MCH_NOT_EXISTS', '商户号不存在')
    const order = this.order(outTradeNo)
    if (order.state === 'SUCCESS' || order.state === 'REFUND') throw new Fault(403, 'ORDERPAID', '订单已支付，不能关闭')
    if (order.state === 'CLOSED') throw new Fault(400, 'ORDER_CLOSED', '订单已关闭')
    order.state = 'CLOSED'
  }

  private createRefund(b: Json): Refund {
    const outRefundNo = text(b, 'out_refund_no', '/body', 64)!
    if (!/^[0-9A-Za-z_\-|*@]{1,64}$/.test(outRefundNo)) throw param('字段“out_refund_no”格式错误')
    const outTradeNo = text(b, 'out_trade_no', '/body', 32, false)
    const transactionId = text(b, 'transaction_id', '/body', 32, false)
    if (!outTradeNo && !transactionId) throw param('transaction_id和out_trade_no必须二选一进行传参')
    text(b, 'reason', '/body', 80, false)
    const url = b.notify_url === undefined ? undefined : notifyUrl(text(b, 'notify_url', '/body', 256)!, 'notify_url')
    const amount = field(b, 'amount', '/body', 'object', true) as Json
    const refund = field(amount, 'refund', '/body/amount', 'integer', true) as number
    const total = field(amount, 'total', '/body/amount', 'integer', true) as number
    if (text(amount, 'currency', '/body/amount', 16) !== 'CNY') throw param('字段“amount.currency”只支持CNY')
    if (refund <= 0) throw param('字段“amount.refund”必须大于0')

    const order = outTradeNo
      ? this.orders.get(outTradeNo)
      : [...this.orders.values()].find((o) => o.transactionId === transactionId)
    if (!order) throw new Fault(404, 'RESOURCE_NOT_EXISTS', '订单不存在')
    const existing = this.refunds.get(outRefundNo)
    if (existing) {
      // Idempotent: the same out_refund_no refunds only once; a retry sees the current state.
      if (existing.outTradeNo !== order.outTradeNo || existing.refund !== refund) {
        throw new Fault(400, 'INVALID_REQUEST', '同一退款单号多次请求，请求参数不一致')
      }
      return this.refundView(existing)
    }
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') throw new Fault(400, 'INVALID_REQUEST', '订单未支付，不能退款')
    if (total !== order.total) throw param('字段“amount.total”与原订单金额不一致')
    if (this.now() - Date.parse(order.successTime!) > REFUND_WINDOW_MS) throw new Fault(400, 'INVALID_REQUEST', '订单已超过退款期限')
    const ofOrder = [...this.refunds.values()].filter((r) => r.outTradeNo === order.outTradeNo)
    if (ofOrder.length >= 50) throw new Fault(403, 'RULELIMIT', '部分退款次数超过50次')
    const refunded = ofOrder.filter((r) => r.status !== 'CLOSED' && r.status !== 'ABNORMAL').reduce((sum, r) => sum + r.refund, 0)
    if (refund > order.total - refunded) throw new Fault(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额')

    const created: SandboxRefund = {
      refundId: `50${digits(27)}`, outRefundNo, outTradeNo: order.outTradeNo, refund, notifyUrl: url,
      createTime: toChinaRfc3339(this.now()), status: 'PROCESSING',
    }
    this.refunds.set(outRefundNo, created)
    const outcome = this.switches.nextRefundOutcome ?? 'SUCCESS'
    this.switches.nextRefundOutcome = null
    this.later(this.opts.refundDelayMs ?? 2000, () => this.settleRefund(created, outcome))
    return this.refundView(created)
  }

  private settleRefund(refund: SandboxRefund, outcome: Exclude<RefundStatus, 'PROCESSING'>): void {
    const order = this.orders.get(refund.outTradeNo)!
    refund.status = outcome
    if (outcome === 'SUCCESS') {
      refund.successTime = toChinaRfc3339(this.now())
      order.state = 'REFUND'
    }
    const url = refund.notifyUrl ?? this.opts.refundNotifyUrl
    if (!url) return
    const view = this.refundView(refund)
    const plain = {
      mchid: order.mchid, transaction_id: view.transaction_id, out_trade_no: view.out_trade_no, refund_id: view.refund_id,
      out_refund_no: view.out_refund_no, refund_status: outcome, ...(refund.successTime ? { success_time: refund.successTime } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: view.amount.total, refund: view.amount.refund, payer_total: view.amount.payer_total, payer_refund: view.amount.payer_refund },
    }
    const summary = outcome === 'SUCCESS' ? '退款成功' : outcome === 'CLOSED' ? '退款关闭' : '退款异常'
    this.send(url, this.envelope(`REFUND.${outcome}`, summary, 'refund', plain), 'genuine')
  }

  private refundView(r: SandboxRefund): Refund {
    const order = this.orders.get(r.outTradeNo)!
    const payerTotal = order.payerTotal ?? order.total
    const payerRefund = Math.round((r.refund * payerTotal) / order.total)
    return {
      refund_id: r.refundId, out_refund_no: r.outRefundNo, transaction_id: order.transactionId!, out_trade_no: order.outTradeNo,
      channel: 'ORIGINAL', user_received_account: '支付用户零钱', ...(r.successTime ? { success_time: r.successTime } : {}),
      create_time: r.createTime, status: r.status, funds_account: 'AVAILABLE',
      amount: {
        total: order.total, refund: r.refund, from: [], payer_total: payerTotal, payer_refund: payerRefund,
        settlement_refund: r.refund, settlement_total: order.total, discount_refund: r.refund - payerRefund, currency: 'CNY',
      },
      promotion_detail: [],
    }
  }

  private transactionView(o: SandboxOrder, overrides: Partial<Pick<SandboxOrder, 'state' | 'total'>> = {}): Transaction {
    const state = overrides.state ?? o.state
    const total = overrides.total ?? o.total
    const paid = state === 'SUCCESS' || state === 'REFUND'
    const tx = paid ? { transactionId: o.transactionId ?? `42${digits(26)}`, successTime: o.successTime ?? toChinaRfc3339(this.now()) } : null
    return {
      appid: o.appid, mchid: o.mchid, out_trade_no: o.outTradeNo,
      ...(tx ? { transaction_id: tx.transactionId, trade_type: 'JSAPI' } : {}),
      trade_state: state, trade_state_desc: STATE_DESC[state],
      ...(tx ? { bank_type: 'OTHERS' } : {}),
      ...(o.attach !== undefined ? { attach: o.attach } : {}),
      ...(tx ? { success_time: tx.successTime, payer: { openid: o.openid } } : {}),
      amount: { total, ...(tx ? { payer_total: overrides.total ?? o.payerTotal ?? total } : {}), currency: 'CNY', ...(tx ? { payer_currency: 'CNY' } : {}) },
    }
  }

  // ---- test hooks -----------------------------------------------------------------------------

  /** The order as a query would report it, or undefined. */
  transaction(outTradeNo: string): Transaction | undefined {
    const order = this.orders.get(outTradeNo)
    return order && this.transactionView(order)
  }

  /** Arms the next `times` authenticated API calls to fail (or answer unsigned / as a probe). */
  failNextCall(kind: ApiFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.switches.nextCalls.push(kind)
  }

  /** What the cashier shows before paying; `problem` (Chinese) when it cannot be paid. */
  cashierView(prepayId: string): { description: string; amountFen: number; problem?: string } | null {
    const outTradeNo = this.prepays.get(prepayId)
    if (!outTradeNo) return null
    const order = this.orders.get(outTradeNo)!
    try {
      this.payable(prepayId)
      return { description: order.description, amountFen: order.total }
    } catch (err) {
      return { description: order.description, amountFen: order.total, problem: (err as Error).message }
    }
  }

  private payable(prepayId: string): SandboxOrder {
    const outTradeNo = this.prepays.get(prepayId)
    if (!outTradeNo) throw new PaySandboxRefusal('PREPAY_NOT_FOUND', '支付单不存在')
    const order = this.orders.get(outTradeNo)!
    const now = this.now()
    if (order.state === 'SUCCESS' || order.state === 'REFUND') throw new PaySandboxRefusal('ORDERPAID', '该订单已支付')
    if (order.state === 'CLOSED') throw new PaySandboxRefusal('ORDER_CLOSED', '订单已关闭')
    if (now > order.expiresAt) throw new PaySandboxRefusal('ORDER_EXPIRED', '订单已过支付截止时间')
    if (order.prepayId !== prepayId || now - order.prepayIssuedAt >= PREPAY_TTL_MS) {
      throw new PaySandboxRefusal('PREPAY_EXPIRED', '支付单已失效，请重新下单')
    }
    return order
  }

  /** The buyer completes the cashier: SUCCESS, then TRANSACTION.SUCCESS to notify_url (with retries). */
  userPays(prepayId: string, opts: { payerTotal?: number } = {}): Transaction {
    const order = this.payable(prepayId)
    order.state = 'SUCCESS'
    order.transactionId = `42${digits(26)}`
    order.successTime = toChinaRfc3339(this.now())
    order.payerTotal = opts.payerTotal ?? order.total
    const transaction = this.transactionView(order)
    const body = this.envelope('TRANSACTION.SUCCESS', '支付成功', 'transaction', transaction)
    order.lastNotification = { url: order.notifyUrl, body, eventType: 'TRANSACTION.SUCCESS', id: (JSON.parse(body) as { id: string }).id }
    this.send(order.notifyUrl, body, 'genuine')
    return transaction
  }

  /**
   * One forged or suspicious notification for `outTradeNo` (claiming it paid), one attempt:
   * a WECHATPAY/SIGNTEST/ probe, a timestamp 10 minutes old, an unknown serial, a signature by
   * another key, or a correctly signed one whose amount.total differs (default 1 fen).
   */
  deliverForgery(kind: ForgeryKind, target: { url: string; outTradeNo: string; amountFen?: number }): Promise<DeliveryAttempt> {
    const order = this.order(target.outTradeNo)
    const total = kind === 'WRONG_AMOUNT' ? target.amountFen ?? (order.total === 1 ? 2 : 1) : order.total
    const body = this.envelope('TRANSACTION.SUCCESS', '支付成功', 'transaction', this.transactionView(order, { state: 'SUCCESS', total }))
    const c = this.credentials
    const signed = (ms: number) => signResponse(body, c.platformPrivateKey, c.publicKeyId, ms)
    let headers: Record<string, string>
    if (kind === 'STALE_TIMESTAMP') headers = signed(this.now() - 10 * MIN)
    else if (kind === 'UNKNOWN_SERIAL') headers = signResponse(body, this.attacker(), `PUB_KEY_ID_01${c.mchid}${digits(16)}`, this.now())
    else if (kind === 'FORGED_SIGNATURE') headers = signResponse(body, this.attacker(), c.publicKeyId, this.now())
    else headers = signed(this.now())
    if (kind === 'SIGNTEST_PROBE') headers['Wechatpay-Signature'] = SIGNTEST_PREFIX + rsaSign(body, this.attacker())
    return this.sendOnce(target.url, body, kind, headers)
  }

  /** The order's last genuine notification again, `times` times at once (several WeChat servers). */
  deliverDuplicates(outTradeNo: string, times: number, url?: string): Promise<DeliveryAttempt[]> {
    const last = this.order(outTradeNo).lastNotification
    if (!last) throw new Error(`order ${outTradeNo} has no notification to duplicate`)
    return Promise.all(Array.from({ length: times }, () => this.sendOnce(url ?? last.url, last.body, 'duplicate')))
  }

  pendingDeliveries(): Delivery[] {
    return this.deliveries.filter((d) => d.state === 'pending')
  }

  /** Resolves once no delivery, retry or refund settlement is outstanding. */
  whenIdle(): Promise<void> {
    return this.busy === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** Cancels pending retries and refund settlements (call when the server closes). */
  close(): void {
    for (const t of this.timers) this.scheduler.clearTimeout(t)
    this.timers.clear()
    for (const d of this.pendingDeliveries()) d.state = 'cancelled'
    this.busy = 0
    this.idle()
  }

  // ---- notification delivery --------------------------------------------------------------------

  private attacker(): KeyObject {
    this.attackerKey ??= crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    return this.attackerKey
  }

  private envelope(eventType: string, summary: string, originalType: string, plaintext: object): string {
    const sealed = encryptResource(JSON.stringify(plaintext), this.credentials.apiV3Key, originalType)
    return JSON.stringify({
      id: crypto.randomUUID(),
      create_time: toChinaRfc3339(this.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: { original_type: originalType, ...sealed },
    })
  }

  private record(url: string, body: string, kind: Delivery['kind']): Delivery {
    const { id, event_type } = JSON.parse(body) as { id: string; event_type: string }
    const d: Delivery = { seq: this.deliveries.length + 1, url, notificationId: id, eventType: event_type, kind, body, attempts: [], state: 'pending' }
    this.deliveries.push(d)
    return d
  }

  /** A genuine delivery: signed afresh on each attempt, retried on WeChat's schedule. */
  private send(url: string, body: string, kind: Delivery['kind']): void {
    const d = this.record(url, body, kind)
    this.busy++
    const attempt = async (): Promise<void> => {
      if (d.state !== 'pending') return
      const c = this.credentials
      const result = await this.post(url, body, signResponse(body, c.platformPrivateKey, c.publicKeyId, this.now()))
      if (d.state !== 'pending') return
      d.attempts.push(result)
      if (result.status >= 200 && result.status < 300) return this.finish(d, 'delivered')
      const delay = this.retryDelays[d.attempts.length - 1]
      if (delay === undefined) return this.finish(d, 'failed')
      this.later(delay, () => void attempt())
    }
    void attempt()
  }

  private async sendOnce(url: string, body: string, kind: Delivery['kind'], headers?: Record<string, string>): Promise<DeliveryAttempt> {
    const d = this.record(url, body, kind)
    this.busy++
    const c = this.credentials
    const result = await this.post(url, body, headers ?? signResponse(body, c.platformPrivateKey, c.publicKeyId, this.now()))
    d.attempts.push(result)
    if (d.state === 'pending') this.finish(d, result.status >= 200 && result.status < 300 ? 'delivered' : 'failed')
    return result
  }

  private async post(url: string, body: string, signed: Record<string, string>): Promise<DeliveryAttempt> {
    const at = this.now()
    try {
      const res = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'Mozilla/4.0', 'Request-ID': requestId(), ...signed },
        body,
        signal: AbortSignal.timeout(this.opts.deliveryTimeoutMs ?? 5000),
      })
      await res.arrayBuffer()
      return { at, status: res.status }
    } catch (err) {
      return { at, status: 0, error: (err as Error).message }
    }
  }

  private later(ms: number, fn: () => void): void {
    this.busy++
    const handle = this.scheduler.setTimeout(() => {
      this.timers.delete(handle)
      try {
        fn()
      } finally {
        this.release()
      }
    }, ms)
    this.timers.add(handle)
  }

  private finish(d: Delivery, state: 'delivered' | 'failed'): void {
    d.state = state
    this.release()
  }

  private release(): void {
    if (this.busy > 0) this.busy--
    if (this.busy === 0) this.idle()
  }

  private idle(): void {
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }
}
