/**
 * The fake WeChat Pay server's state and rules (wechat-protocols.md §2.12), independent of HTTP:
 * pay-sandbox-routes.ts hands each request here as (method, raw path+query, headers, raw body)
 * and sends the answer back verbatim.
 *
 * - Everything it remembers is in the store (sandbox-store.ts): orders, prepay ids, refunds,
 *   the refund-scenario switch and notification deliveries, so every instance on one database
 *   (and the next start) plays the same WeChat Pay; the keys come from the store as well.
 * - Inbound Authorization is verified with the registered merchant key (401 SIGN_ERROR otherwise,
 *   including a timestamp more than 5 minutes off); every 2xx is signed with the platform key under
 *   the PUB_KEY_ID_… serial; every answer carries Request-ID (pay-sandbox-answers.ts).
 * - Orders: JSAPI prepay with WeChat's validation (pay-sandbox-validation.ts), query, close; a
 *   prepay_id lives 2 hours, and a prepay repeated with the same parameters gets the current one
 *   (a new one once it lapsed). Refunds (pay-sandbox-refunds.ts) answer PROCESSING and settle after
 *   `refundDelayMs` as the armed RefundScenario says (by default SUCCESS with a REFUND.SUCCESS notice).
 * - Notifications: encrypted with the APIv3 key, signed, POSTed to notify_url; a non-2xx answer or
 *   no answer within `deliveryTimeoutMs` is retried on WeChat's schedule (scaled by `retryScale`)
 *   (pay-sandbox-delivery.ts). start() resumes what is pending; close() stops this instance's timers.
 * - Test hooks: userPays(), switches (500 / 429 / unsigned or probe answers — in this process only,
 *   they are JavaScript calls; the next refund's scenario — in the store), forged and duplicate
 *   notifications, and whenIdle() to await every delivery this instance has under way.
 * `now` and the scheduler are injectable so tests stay deterministic.
 */
import type { Refund, Transaction } from '../../pay/pay-client'
import { KIND, type SandboxStore, type SandboxTx } from '../sandbox-store'
import { errorResponse, successResponse } from './pay-sandbox-answers'
import { Notifier } from './pay-sandbox-delivery'
import { newPrepayId } from './pay-sandbox-ids'
import { Cashier, PREPAY_TTL_MS, type CashierView } from './pay-sandbox-cashier'
import { RefundDesk, refundSwitch } from './pay-sandbox-refunds'
import {
  type ApiFailure, type Delivery, type DeliveryAttempt, type ForgeryKind, type PaySandboxOptions, type RefundScenario,
  type SandboxOperation, type SandboxOrder, type SandboxRequest, type SandboxResponse,
} from './pay-sandbox-types'
import { canonical, checkAuthorization, expiryFrom, Fault, param, parseBody, parsePrepayRequest, text, type Json } from './pay-sandbox-validation'
import { isPaid, transactionView } from './pay-sandbox-views'
import { SandboxWork } from './pay-sandbox-work'
import type { PaySandboxCredentials } from './sandbox-credentials'

export { WECHAT_NOTIFY_RETRY_SCHEDULE_MS } from './pay-sandbox-delivery'
export { PaySandboxRefusal, REFUND_SCENARIOS } from './pay-sandbox-types'
export type {
  ApiFailure, Delivery, DeliveryAttempt, ForgeryKind, PaySandboxOptions, RefundScenario, SandboxOperation, SandboxRequest, SandboxResponse,
  Scheduler,
} from './pay-sandbox-types'

const DEFAULT_SWEEP_MS = 30_000

export interface PaySwitches {
  /** What the next authenticated API calls of THIS process answer (consumed in order). */
  nextCalls: ApiFailure[]
  /** Write-only shorthand for armRefundScenario() (written in the background); read it with armedRefundScenario(). */
  nextRefundOutcome: RefundScenario | null
}

export class PaySandbox {
  readonly credentials: PaySandboxCredentials
  readonly switches: PaySwitches
  /** Every notification this instance sent, oldest first. */
  readonly deliveries: Delivery[]

  private readonly now: () => number
  private readonly store: SandboxStore
  private readonly work: SandboxWork
  private readonly notifier: Notifier
  private readonly refunds: RefundDesk
  private readonly cashier: Cashier
  private sweep: NodeJS.Timeout | null = null

  constructor(private readonly opts: PaySandboxOptions) {
    this.credentials = opts.credentials
    this.store = opts.store
    this.now = opts.now ?? Date.now
    this.work = new SandboxWork(opts.scheduler, opts.onError)
    this.notifier = new Notifier(opts, this.now, this.work)
    this.refunds = new RefundDesk(opts, this.now, this.notifier, this.work)
    this.cashier = new Cashier(this.store, this.now, this.notifier, this.work)
    this.deliveries = this.notifier.deliveries
    const store = this.store
    const switchId = refundSwitch(this.credentials.mchid)
    this.switches = {
      nextCalls: [],
      get nextRefundOutcome(): RefundScenario | null {
        throw new Error('the next refund scenario is in the store: read it with await armedRefundScenario()')
      },
      set nextRefundOutcome(scenario: RefundScenario | null) {
        store.defer((s) => s.put(KIND.switch, switchId, { scenario }))
      },
    }
  }

  // ---- the API ------------------------------------------------------------------------------

  async handle(req: SandboxRequest, operation: SandboxOperation): Promise<SandboxResponse> {
    const denied = checkAuthorization(req, this.credentials, this.now())
    if (denied) return errorResponse(denied.status, denied.code, denied.message)
    const failure = this.switches.nextCalls.shift()
    if (failure === 'SYSTEM_ERROR') return errorResponse(500, 'SYSTEM_ERROR', '系统繁忙，请稍后重试')
    if (failure === 'RATELIMIT_EXCEEDED') return errorResponse(429, 'RATELIMIT_EXCEEDED', '请求超过频率限制，请稍后再试')
    try {
      const { status, json } = await this.dispatch(operation, req)
      return successResponse(status, json, failure, this.credentials, this.now)
    } catch (err) {
      if (err instanceof Fault) return errorResponse(err.status, err.code, err.message)
      throw err
    }
  }

  private async dispatch(o: SandboxOperation, req: SandboxRequest): Promise<{ status: number; json?: object }> {
    switch (o.op) {
      case 'prepay':
        return { status: 200, json: await this.prepay(parseBody(req.rawBody)) }
      case 'query':
        if (!o.mchid) throw param('输入源“/query/mchid”映射到字段“mchid”必填性规则校验失败，此字段为必填项')
        if (o.mchid !== this.credentials.mchid) throw new Fault(400, 'MCH_NOT_EXISTS', '商户号不存在')
        return { status: 200, json: transactionView(await this.order(o.outTradeNo), this.now) }
      case 'close':
        await this.closeOrder(o.outTradeNo, parseBody(req.rawBody))
        return { status: 204 }
      case 'refund':
        return { status: 200, json: await this.refunds.create(parseBody(req.rawBody)) }
      case 'queryRefund':
        return { status: 200, json: await this.refunds.view(o.outRefundNo) }
    }
  }

  private async order(outTradeNo: string, tx?: SandboxTx): Promise<SandboxOrder> {
    const order = tx ? await tx.getForUpdate<SandboxOrder>(KIND.payOrder, outTradeNo) : await this.store.get<SandboxOrder>(KIND.payOrder, outTradeNo)
    if (!order) throw new Fault(404, 'ORDER_NOT_EXIST', '订单不存在')
    return order
  }

  private prepay(b: Json): Promise<{ prepay_id: string }> {
    const c = this.credentials
    const r = parsePrepayRequest(b)
    if (r.mchid !== c.mchid || r.appid !== c.appId) throw new Fault(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
    if (this.opts.isKnownOpenid && !this.opts.isKnownOpenid(r.openid)) throw param('openid和appid不匹配')
    const now = this.now()
    const expiresAt = expiryFrom(r.timeExpire, now)
    const paramsKey = canonical(b)
    return this.store.transaction(async (tx) => {
      const existing = await tx.getForUpdate<SandboxOrder>(KIND.payOrder, r.outTradeNo)
      if (existing) {
        if (isPaid(existing.state)) throw new Fault(403, 'ORDERPAID', '该订单已支付')
        if (existing.state === 'CLOSED') throw new Fault(400, 'ORDER_CLOSED', '订单已关闭')
        if (now > existing.expiresAt) throw new Fault(400, 'ORDER_CLOSED', '订单已过支付截止时间')
        if (existing.paramsKey !== paramsKey) throw new Fault(403, 'OUT_TRADE_NO_USED', '商户订单号重复')
        // Same parameters: the order's current prepay_id (a fresh one once the 2-hour one lapsed).
        if (now - existing.prepayIssuedAt >= PREPAY_TTL_MS) await this.issuePrepay(tx, existing, false)
        return { prepay_id: existing.prepayId }
      }
      const order: SandboxOrder = {
        appid: r.appid, mchid: r.mchid, outTradeNo: r.outTradeNo, description: r.description,
        ...(r.attach !== undefined ? { attach: r.attach } : {}),
        notifyUrl: r.notifyUrl, total: r.total, openid: r.openid, expiresAt, paramsKey,
        prepayId: '', prepayIssuedAt: 0, state: 'NOTPAY',
      }
      await this.issuePrepay(tx, order, true)
      return { prepay_id: order.prepayId }
    })
  }

  private async issuePrepay(tx: SandboxTx, order: SandboxOrder, isNew: boolean): Promise<void> {
    order.prepayId = newPrepayId(this.now())
    order.prepayIssuedAt = this.now()
    await (isNew ? tx.create(KIND.payOrder, order.outTradeNo, order) : tx.put(KIND.payOrder, order.outTradeNo, order))
    await tx.put(KIND.prepay, order.prepayId, { outTradeNo: order.outTradeNo })
  }

  /**
   * Close: 204 and CLOSED. Choices where the docs disagree: an unknown order is 404 ORDER_NOT_EXIST
   * (one report says the real service answers 204), a paid order is 403 ORDERPAID (older code
   * table), closing twice is 400 ORDER_CLOSED (official close table).
   */
  private async closeOrder(outTradeNo: string, b: Json): Promise<void> {
    const mchid = text(b, 'mchid', '/body', 32)!
    if (mchid !== this.credentials.mchid) throw new Fault(400, 'MCH_NOT_EXISTS', '商户号不存在')
    await this.store.transaction(async (tx) => {
      const order = await this.order(outTradeNo, tx)
      if (isPaid(order.state)) throw new Fault(403, 'ORDERPAID', '订单已支付，不能关闭')
      if (order.state === 'CLOSED') throw new Fault(400, 'ORDER_CLOSED', '订单已关闭')
      await tx.put(KIND.payOrder, outTradeNo, { ...order, state: 'CLOSED' })
    })
  }

  // ---- test hooks -----------------------------------------------------------------------------

  /** The order as a query would report it, or undefined. */
  async transaction(outTradeNo: string): Promise<Transaction | undefined> {
    const order = await this.store.get<SandboxOrder>(KIND.payOrder, outTradeNo)
    return order ? transactionView(order, this.now) : undefined
  }

  /** The refund as a query would report it (404 RESOURCE_NOT_EXISTS as a Fault when unknown). */
  refund(outRefundNo: string): Promise<Refund> {
    return this.refunds.view(outRefundNo)
  }

  /** Arms what the next refund created (by any instance) does (see RefundScenario); consumed by that refund. */
  armRefundScenario(scenario: RefundScenario | null): Promise<void> {
    this.switches.nextRefundOutcome = scenario
    return this.store.flushed()
  }

  /** The scenario the next refund will play, or null (the default, SUCCESS). */
  async armedRefundScenario(): Promise<RefundScenario | null> {
    return (await this.store.get<{ scenario: RefundScenario | null }>(KIND.switch, refundSwitch(this.credentials.mchid)))?.scenario ?? null
  }

  /** Arms the next `times` authenticated API calls to this process to fail (or answer unsigned / as a probe). */
  failNextCall(kind: ApiFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.switches.nextCalls.push(kind)
  }

  /** What the cashier shows before paying; `problem` (Chinese) when it cannot be paid. */
  cashierView(prepayId: string): Promise<CashierView | null> {
    return this.cashier.view(prepayId)
  }

  /**
   * The buyer completes the cashier: SUCCESS, then TRANSACTION.SUCCESS to notify_url (with retries).
   * From the call on, whenIdle() counts it and every later operation of this instance's sandbox
   * sees the payment (it is queued in the store first), so a test may start it without awaiting.
   */
  userPays(prepayId: string, opts: { payerTotal?: number } = {}): Promise<Transaction> {
    return this.cashier.pay(prepayId, opts)
  }

  /**
   * One forged or suspicious notification for `outTradeNo` (claiming it paid), one attempt:
   * a WECHATPAY/SIGNTEST/ probe, a timestamp 10 minutes old, an unknown serial, a signature by
   * another key, or a correctly signed one whose amount.total differs (default 1 fen).
   */
  async deliverForgery(kind: ForgeryKind, target: { url: string; outTradeNo: string; amountFen?: number }): Promise<DeliveryAttempt> {
    const order = await this.order(target.outTradeNo)
    const total = kind === 'WRONG_AMOUNT' ? target.amountFen ?? (order.total === 1 ? 2 : 1) : order.total
    const claim = transactionView(order, this.now, { state: 'SUCCESS', total })
    return this.notifier.sendForgery(kind, target.url, this.notifier.envelope('TRANSACTION.SUCCESS', '支付成功', 'transaction', claim))
  }

  /** The order's last genuine notification again, `times` times at once (several WeChat servers). */
  async deliverDuplicates(outTradeNo: string, times: number, url?: string): Promise<DeliveryAttempt[]> {
    const last = (await this.order(outTradeNo)).lastNotification
    if (!last) throw new Error(`order ${outTradeNo} has no notification to duplicate`)
    return Promise.all(Array.from({ length: times }, () => this.notifier.sendOnce(url ?? last.url, last.body, 'duplicate')))
  }

  /** Genuine deliveries still pending in the store (any instance's). */
  pendingDeliveries(): Promise<Delivery[]> {
    return this.notifier.pending()
  }

  /** Resolves once no delivery, retry or refund settlement of this instance is outstanding. */
  whenIdle(): Promise<void> {
    return this.work.whenIdle()
  }

  /** Resolves once nothing of this instance is running (timers may still wait: tests that play time by hand). */
  whenSettled(): Promise<void> {
    return this.work.whenSettled()
  }

  /**
   * Picks up the deliveries and refund steps pending in the store (a restart's, or another
   * instance's that died), now and then every `sweepMs`; returns once the first sweep is done.
   */
  async start(): Promise<void> {
    await this.resume()
    const every = this.opts.sweepMs ?? DEFAULT_SWEEP_MS
    if (every > 0 && !this.sweep && !this.work.isClosed) {
      this.sweep = setInterval(() => void this.resume().catch(() => undefined), every)
      this.sweep.unref()
    }
  }

  /** Timers for what is pending in the store and no timer of this instance waits for. */
  resume(): Promise<void> {
    return this.work.run(async () => {
      await this.notifier.resume()
      await this.refunds.resume()
    })
  }

  /** Stops this instance's timers and waits for what is running; the store keeps what is pending. */
  async close(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep)
    this.sweep = null
    await this.work.close()
  }
}
