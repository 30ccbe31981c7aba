/**
 * The fake WeChat Pay server's state and rules (wechat-protocols.md §2.12), independent of HTTP:
 * pay-sandbox-routes.ts hands each request here as (method, raw path+query, headers, raw body)
 * and sends the answer back verbatim.
 *
 * - Inbound Authorization is verified with the registered merchant key (401 SIGN_ERROR otherwise,
 *   including a timestamp more than 5 minutes off); every 2xx is signed with the platform key under
 *   the PUB_KEY_ID_… serial; every answer carries Request-ID (pay-sandbox-answers.ts).
 * - Orders: JSAPI prepay with WeChat's validation (pay-sandbox-validation.ts), query, close; a
 *   prepay_id lives 2 hours, and a prepay repeated with the same parameters gets the current one
 *   (a new one once it lapsed). Refunds answer PROCESSING and settle after `refundDelayMs` as the
 *   armed RefundScenario says (by default SUCCESS with a REFUND.SUCCESS notification).
 * - Notifications: encrypted with the APIv3 key, signed, POSTed to notify_url; a non-2xx answer or
 *   no answer within `deliveryTimeoutMs` is retried on WeChat's schedule (scaled by `retryScale`)
 *   (pay-sandbox-delivery.ts).
 * - Test hooks: userPays(), switches (500 / 429 / unsigned or probe answers, the next refund's scenario),
 *   forged and duplicate notifications, and whenIdle() to await every delivery.
 * `now` and the scheduler are injectable so tests stay deterministic.
 */
import { toChinaRfc3339, type Refund, type Transaction } from '../../pay/pay-client'
import { errorResponse, successResponse } from './pay-sandbox-answers'
import { Notifier } from './pay-sandbox-delivery'
import { newPrepayId, newRefundId, newTransactionId } from './pay-sandbox-ids'
import {
  PaySandboxRefusal,
  type ApiFailure, type Delivery, type DeliveryAttempt, type ForgeryKind, type PaySandboxOptions, type RefundOutcome,
  type RefundScenario, type SandboxOperation, type SandboxOrder, type SandboxRefund, type SandboxRequest, type SandboxResponse,
} from './pay-sandbox-types'
import {
  canonical, checkAuthorization, expiryFrom, Fault, param, parseBody, parsePrepayRequest, parseRefundRequest, text, type Json,
} from './pay-sandbox-validation'
import { isPaid, refundNotification, refundView, transactionView } from './pay-sandbox-views'
import type { PaySandboxCredentials } from './sandbox-credentials'

export { WECHAT_NOTIFY_RETRY_SCHEDULE_MS } from './pay-sandbox-delivery'
export { PaySandboxRefusal, REFUND_SCENARIOS } from './pay-sandbox-types'
export type {
  ApiFailure, Delivery, DeliveryAttempt, ForgeryKind, PaySandboxOptions, RefundScenario, SandboxOperation, SandboxRequest, SandboxResponse,
  Scheduler,
} from './pay-sandbox-types'

const PREPAY_TTL_MS = 2 * 3600_000
const REFUND_WINDOW_MS = 365 * 24 * 3600_000

/**
 * The REFUSED scenario's answer: 403 USER_ACCOUNT_ABNORMAL. Of the v3 refund-create error table
 * it is the code that means "this refund will never be made": 退款请求失败 — 此状态代表退款申请失败，
 * 商户可自行处理退款 (the buyer's account is abnormal or closed, the money cannot go back the way it
 * came; the merchant must pay back by other means). The others are not final for the refund:
 * NOT_ENOUGH (top up, retry), FREQUENCY_LIMITED / SYSTEM_ERROR (retry with the same
 * out_refund_no), NO_AUTH (a merchant setting to fix), and INVALID_REQUEST is the generic business
 * rule refusal this sandbox already gives over-refunds. The message is WeChat's own wording as
 * merchants quote it. Sources: the 申请退款 error table (mirrored in egzosn/pay-java-parent
 * WxRefundResult.java); developers.weixin.qq.com/community/develop/doc/000ccee99f83181f83d9cf90651800.
 */
const REFUND_REFUSED = { status: 403, code: 'USER_ACCOUNT_ABNORMAL', message: '用户账户异常或已注销，不能原路退回，请使用其他方式进行退款' }

export class PaySandbox {
  readonly credentials: PaySandboxCredentials
  readonly switches: { nextCalls: ApiFailure[]; nextRefundOutcome: RefundScenario | null } = {
    nextCalls: [],
    nextRefundOutcome: null,
  }
  /** Every notification sent, oldest first. */
  readonly deliveries: Delivery[]

  private readonly now: () => number
  private readonly notifier: Notifier
  private readonly orders = new Map<string, SandboxOrder>()
  private readonly prepays = new Map<string, string>()
  private readonly refunds = new Map<string, SandboxRefund>()
  /** out_refund_no values refused for good (REFUSED): every retry is refused the same way. */
  private readonly refusedRefunds = new Set<string>()

  constructor(private readonly opts: PaySandboxOptions) {
    this.credentials = opts.credentials
    this.now = opts.now ?? Date.now
    this.notifier = new Notifier(opts, this.now)
    this.deliveries = this.notifier.deliveries
  }

  // ---- the API ------------------------------------------------------------------------------

  handle(req: SandboxRequest, operation: SandboxOperation): SandboxResponse {
    const denied = checkAuthorization(req, this.credentials, this.now())
    if (denied) return errorResponse(denied.status, denied.code, denied.message)
    const failure = this.switches.nextCalls.shift()
    if (failure === 'SYSTEM_ERROR') return errorResponse(500, 'SYSTEM_ERROR', '系统繁忙，请稍后重试')
    if (failure === 'RATELIMIT_EXCEEDED') return errorResponse(429, 'RATELIMIT_EXCEEDED', '请求超过频率限制，请稍后再试')
    try {
      const { status, json } = this.dispatch(operation, req)
      return successResponse(status, json, failure, this.credentials, this.now)
    } catch (err) {
      if (err instanceof Fault) return errorResponse(err.status, err.code, err.message)
      throw err
    }
  }

  private dispatch(o: SandboxOperation, req: SandboxRequest): { status: number; json?: object } {
    switch (o.op) {
      case 'prepay':
        return { status: 200, json: this.prepay(parseBody(req.rawBody)) }
      case 'query':
        if (!o.mchid) throw param('输入源“/query/mchid”映射到字段“mchid”必填性规则校验失败，此字段为必填项')
        if (o.mchid !== this.credentials.mchid) throw new Fault(400, 'MCH_NOT_EXISTS', '商户号不存在')
        return { status: 200, json: transactionView(this.order(o.outTradeNo), this.now) }
      case 'close':
        this.closeOrder(o.outTradeNo, parseBody(req.rawBody))
        return { status: 204 }
      case 'refund':
        return { status: 200, json: this.createRefund(parseBody(req.rawBody)) }
      case 'queryRefund': {
        const refund = this.refunds.get(o.outRefundNo)
        if (!refund) throw new Fault(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
        return { status: 200, json: this.refundView(refund) }
      }
    }
  }

  private order(outTradeNo: string): SandboxOrder {
    const order = this.orders.get(outTradeNo)
    if (!order) throw new Fault(404, 'ORDER_NOT_EXIST', '订单不存在')
    return order
  }

  private prepay(b: Json): { prepay_id: string } {
    const c = this.credentials
    const r = parsePrepayRequest(b)
    if (r.mchid !== c.mchid || r.appid !== c.appId) throw new Fault(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
    if (this.opts.isKnownOpenid && !this.opts.isKnownOpenid(r.openid)) throw param('openid和appid不匹配')

    const now = this.now()
    const expiresAt = expiryFrom(r.timeExpire, now)
    const paramsKey = canonical(b)
    const existing = this.orders.get(r.outTradeNo)
    if (existing) {
      if (isPaid(existing.state)) throw new Fault(403, 'ORDERPAID', '该订单已支付')
      if (existing.state === 'CLOSED') throw new Fault(400, 'ORDER_CLOSED', '订单已关闭')
      if (now > existing.expiresAt) throw new Fault(400, 'ORDER_CLOSED', '订单已过支付截止时间')
      if (existing.paramsKey !== paramsKey) throw new Fault(403, 'OUT_TRADE_NO_USED', '商户订单号重复')
      // Same parameters: the order's current prepay_id (a fresh one once the 2-hour one lapsed).
      if (now - existing.prepayIssuedAt >= PREPAY_TTL_MS) this.issuePrepay(existing)
      return { prepay_id: existing.prepayId }
    }
    const order: SandboxOrder = {
      appid: r.appid, mchid: r.mchid, outTradeNo: r.outTradeNo, description: r.description, attach: r.attach,
      notifyUrl: r.notifyUrl, total: r.total, openid: r.openid, expiresAt, paramsKey,
      prepayId: '', prepayIssuedAt: 0, state: 'NOTPAY',
    }
    this.issuePrepay(order)
    this.orders.set(r.outTradeNo, order)
    return { prepay_id: order.prepayId }
  }

  private issuePrepay(order: SandboxOrder): void {
    order.prepayId = newPrepayId(this.now())
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
    if (isPaid(order.state)) throw new Fault(403, 'ORDERPAID', '订单已支付，不能关闭')
    if (order.state === 'CLOSED') throw new Fault(400, 'ORDER_CLOSED', '订单已关闭')
    order.state = 'CLOSED'
  }

  private createRefund(b: Json): Refund {
    const { outRefundNo, outTradeNo, transactionId, notifyUrl, refund, total } = parseRefundRequest(b)
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
    if (this.refusedRefunds.has(outRefundNo)) throw refundRefused()
    if (!isPaid(order.state)) throw new Fault(400, 'INVALID_REQUEST', '订单未支付，不能退款')
    if (total !== order.total) throw param('字段“amount.total”与原订单金额不一致')
    if (this.now() - Date.parse(order.successTime!) > REFUND_WINDOW_MS) throw new Fault(400, 'INVALID_REQUEST', '订单已超过退款期限')
    const ofOrder = [...this.refunds.values()].filter((r) => r.outTradeNo === order.outTradeNo)
    if (ofOrder.length >= 50) throw new Fault(403, 'RULELIMIT', '部分退款次数超过50次')
    // Only a CLOSED refund frees its amount: an ABNORMAL one still holds it (fixed by hand, it may
    // yet succeed), as WeChat Pay counts it.
    const refunded = ofOrder.filter((r) => r.status !== 'CLOSED').reduce((sum, r) => sum + r.refund, 0)
    if (refund > order.total - refunded) throw new Fault(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额')
    const scenario = this.switches.nextRefundOutcome ?? 'SUCCESS'
    this.switches.nextRefundOutcome = null
    if (scenario === 'REFUSED') {
      this.refusedRefunds.add(outRefundNo)
      throw refundRefused()
    }

    const created: SandboxRefund = {
      refundId: newRefundId(), outRefundNo, outTradeNo: order.outTradeNo, refund, notifyUrl,
      createTime: toChinaRfc3339(this.now()), status: 'PROCESSING',
    }
    this.refunds.set(outRefundNo, created)
    this.scheduleSettlement(created, scenario)
    return this.refundView(created)
  }

  /** PROCESSING until refundDelayMs has passed, then the scenario's outcome(s); the query reads the current one. */
  private scheduleSettlement(refund: SandboxRefund, scenario: Exclude<RefundScenario, 'REFUSED'>): void {
    const delay = this.opts.refundDelayMs ?? 2000
    if (scenario === 'ABNORMAL_THEN_SUCCESS') {
      this.notifier.later(delay, () => {
        this.settleRefund(refund, 'ABNORMAL')
        this.notifier.later(delay, () => this.settleRefund(refund, 'SUCCESS'))
      })
      return
    }
    const lost = scenario === 'SUCCESS_NOTICE_LOST'
    this.notifier.later(delay, () => this.settleRefund(refund, lost ? 'SUCCESS' : scenario, !lost))
  }

  private settleRefund(refund: SandboxRefund, outcome: RefundOutcome, notify = true): void {
    const order = this.orders.get(refund.outTradeNo)!
    refund.status = outcome
    if (outcome === 'SUCCESS') {
      refund.successTime = toChinaRfc3339(this.now())
      order.state = 'REFUND'
    }
    const url = refund.notifyUrl ?? this.opts.refundNotifyUrl
    if (!url || !notify) return
    const { eventType, summary, plaintext } = refundNotification(refund, order, outcome)
    this.notifier.send(url, this.notifier.envelope(eventType, summary, 'refund', plaintext))
  }

  private refundView(r: SandboxRefund): Refund {
    return refundView(r, this.orders.get(r.outTradeNo)!)
  }

  // ---- test hooks -----------------------------------------------------------------------------

  /** The order as a query would report it, or undefined. */
  transaction(outTradeNo: string): Transaction | undefined {
    const order = this.orders.get(outTradeNo)
    return order && transactionView(order, this.now)
  }

  /** Arms what the next refund created does (see RefundScenario); consumed by that refund. */
  armRefundScenario(scenario: RefundScenario): void {
    this.switches.nextRefundOutcome = scenario
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
    if (isPaid(order.state)) throw new PaySandboxRefusal('ORDERPAID', '该订单已支付')
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
    order.transactionId = newTransactionId()
    order.successTime = toChinaRfc3339(this.now())
    order.payerTotal = opts.payerTotal ?? order.total
    const transaction = transactionView(order, this.now)
    const body = this.notifier.envelope('TRANSACTION.SUCCESS', '支付成功', 'transaction', transaction)
    order.lastNotification = { url: order.notifyUrl, body, eventType: 'TRANSACTION.SUCCESS', id: (JSON.parse(body) as { id: string }).id }
    this.notifier.send(order.notifyUrl, body)
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
    const claim = transactionView(order, this.now, { state: 'SUCCESS', total })
    return this.notifier.sendForgery(kind, target.url, this.notifier.envelope('TRANSACTION.SUCCESS', '支付成功', 'transaction', claim))
  }

  /** The order's last genuine notification again, `times` times at once (several WeChat servers). */
  deliverDuplicates(outTradeNo: string, times: number, url?: string): Promise<DeliveryAttempt[]> {
    const last = this.order(outTradeNo).lastNotification
    if (!last) throw new Error(`order ${outTradeNo} has no notification to duplicate`)
    return Promise.all(Array.from({ length: times }, () => this.notifier.sendOnce(url ?? last.url, last.body, 'duplicate')))
  }

  pendingDeliveries(): Delivery[] {
    return this.notifier.pending()
  }

  /** Resolves once no delivery, retry or refund settlement is outstanding. */
  whenIdle(): Promise<void> {
    return this.notifier.whenIdle()
  }

  /** Cancels pending retries and refund settlements (call when the server closes). */
  close(): void {
    this.notifier.close()
  }
}

const refundRefused = () => new Fault(REFUND_REFUSED.status, REFUND_REFUSED.code, REFUND_REFUSED.message)
