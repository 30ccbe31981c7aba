/**
 * The pay sandbox's refunds, in the store: create (WeChat's rules, idempotent per out_refund_no,
 * the armed RefundScenario consumed in the same transaction), and settlement: a refund carries
 * the steps still to play (`plan`), each refundDelayMs after the one before; a step is applied
 * under the order's and the refund's row locks and only if the refund still expects it, with its
 * REFUND.* notice recorded in the same transaction. Timers drive the steps in-process; `resume()`
 * finds the steps no timer waits for (after a restart, or left by an instance that died).
 */
import { toChinaRfc3339, type Refund } from '../../pay/pay-client'
import { KIND, type SandboxStore, type SandboxTx } from '../sandbox-store'
import type { Notifier } from './pay-sandbox-delivery'
import { newRefundId } from './pay-sandbox-ids'
import type { PaySandboxOptions, RefundScenario, RefundStep, SandboxOrder, SandboxRefund } from './pay-sandbox-types'
import { Fault, param, parseRefundRequest, type Json, type RefundRequest } from './pay-sandbox-validation'
import { isPaid, refundNotification, refundView } from './pay-sandbox-views'
import type { SandboxWork } from './pay-sandbox-work'

const REFUND_WINDOW_MS = 365 * 24 * 3600_000
/** The switch record holding the merchant's next refund scenario (POST <sandbox>/refund-scenario). */
export const refundSwitch = (mchid: string) => `pay:${mchid}:next-refund-scenario`

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
const refundRefused = () => new Fault(REFUND_REFUSED.status, REFUND_REFUSED.code, REFUND_REFUSED.message)

const PLANS: Record<Exclude<RefundScenario, 'REFUSED'>, RefundStep[]> = {
  SUCCESS: [{ outcome: 'SUCCESS', notify: true }],
  CLOSED: [{ outcome: 'CLOSED', notify: true }],
  ABNORMAL: [{ outcome: 'ABNORMAL', notify: true }],
  ABNORMAL_THEN_SUCCESS: [
    { outcome: 'ABNORMAL', notify: true },
    { outcome: 'SUCCESS', notify: true },
  ],
  SUCCESS_NOTICE_LOST: [{ outcome: 'SUCCESS', notify: false }],
}

type Created = { refused: true } | { refused: false; refund: SandboxRefund; order: SandboxOrder; created: boolean }

export class RefundDesk {
  private readonly store: SandboxStore
  private readonly delayMs: number

  constructor(
    private readonly opts: PaySandboxOptions,
    private readonly now: () => number,
    private readonly notifier: Notifier,
    private readonly work: SandboxWork,
  ) {
    this.store = opts.store
    this.delayMs = opts.refundDelayMs ?? 2000
  }

  async create(b: Json): Promise<Refund> {
    const request = parseRefundRequest(b)
    const outcome = await this.store.transaction((tx) => this.createIn(tx, request))
    if (outcome.refused) throw refundRefused()
    if (outcome.created) this.scheduleStep(outcome.refund.outRefundNo, outcome.refund.plan.length, this.delayMs)
    return refundView(outcome.refund, outcome.order)
  }

  async view(outRefundNo: string): Promise<Refund> {
    const refund = await this.store.get<SandboxRefund>(KIND.refund, outRefundNo)
    const order = refund && (await this.store.get<SandboxOrder>(KIND.payOrder, refund.outTradeNo))
    if (!refund || !order) throw new Fault(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
    return refundView(refund, order)
  }

  /** Timers for every refund step no timer of this instance waits for, at its due time. */
  async resume(): Promise<void> {
    for (const { id, data } of await this.store.list<SandboxRefund>(KIND.refund, { settling: true })) {
      this.scheduleStep(id, data.plan.length, (data.nextStepAt ?? 0) - this.now())
    }
  }

  private async createIn(tx: SandboxTx, r: RefundRequest): Promise<Created> {
    const order = await this.lockOrder(tx, r.outTradeNo, r.transactionId)
    if (!order) throw new Fault(404, 'RESOURCE_NOT_EXISTS', '订单不存在')
    const existing = await tx.get<SandboxRefund>(KIND.refund, r.outRefundNo)
    if (existing) {
      // Idempotent: the same out_refund_no refunds only once; a retry sees the current state.
      if (existing.outTradeNo !== order.outTradeNo || existing.refund !== r.refund) {
        throw new Fault(400, 'INVALID_REQUEST', '同一退款单号多次请求，请求参数不一致')
      }
      return { refused: false, refund: existing, order, created: false }
    }
    if (await tx.get(KIND.refusedRefund, r.outRefundNo)) throw refundRefused()
    if (!isPaid(order.state)) throw new Fault(400, 'INVALID_REQUEST', '订单未支付，不能退款')
    if (r.total !== order.total) throw param('字段“amount.total”与原订单金额不一致')
    if (this.now() - Date.parse(order.successTime!) > REFUND_WINDOW_MS) throw new Fault(400, 'INVALID_REQUEST', '订单已超过退款期限')
    const ofOrder = (await tx.list<SandboxRefund>(KIND.refund, { outTradeNo: order.outTradeNo })).map((row) => row.data)
    if (ofOrder.length >= 50) throw new Fault(403, 'RULELIMIT', '部分退款次数超过50次')
    // Only a CLOSED refund frees its amount: an ABNORMAL one still holds it (fixed by hand, it may
    // yet succeed), as WeChat Pay counts it.
    const refunded = ofOrder.filter((x) => x.status !== 'CLOSED').reduce((sum, x) => sum + x.refund, 0)
    if (r.refund > order.total - refunded) throw new Fault(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额')

    const armed = await tx.getForUpdate<{ scenario: RefundScenario | null }>(KIND.switch, refundSwitch(order.mchid))
    const scenario = armed?.scenario ?? 'SUCCESS'
    if (armed?.scenario) await tx.put(KIND.switch, refundSwitch(order.mchid), { scenario: null })
    if (scenario === 'REFUSED') {
      await tx.put(KIND.refusedRefund, r.outRefundNo, { outTradeNo: order.outTradeNo, at: this.now() })
      return { refused: true }
    }
    const plan = PLANS[scenario]
    const refund: SandboxRefund = {
      refundId: newRefundId(), outRefundNo: r.outRefundNo, outTradeNo: order.outTradeNo, refund: r.refund,
      ...(r.notifyUrl !== undefined ? { notifyUrl: r.notifyUrl } : {}),
      createTime: toChinaRfc3339(this.now()), status: 'PROCESSING', plan, settling: true, nextStepAt: this.now() + this.delayMs,
    }
    await tx.create(KIND.refund, r.outRefundNo, refund)
    return { refused: false, refund, order, created: true }
  }

  private async lockOrder(tx: SandboxTx, outTradeNo: string | undefined, transactionId: string | undefined): Promise<SandboxOrder | null> {
    if (outTradeNo) return tx.getForUpdate<SandboxOrder>(KIND.payOrder, outTradeNo)
    const [found] = await tx.list<SandboxOrder>(KIND.payOrder, { transactionId })
    return found ? tx.getForUpdate<SandboxOrder>(KIND.payOrder, found.id) : null
  }

  private scheduleStep(outRefundNo: string, remaining: number, inMs: number): void {
    this.work.schedule(`refund:${outRefundNo}:${remaining}`, inMs, () => this.step(outRefundNo, remaining))
  }

  /** Plays the refund's next step if it still has `remaining` steps (else another instance did). */
  private async step(outRefundNo: string, remaining: number): Promise<void> {
    const peek = await this.store.get<SandboxRefund>(KIND.refund, outRefundNo)
    if (!peek || peek.plan.length !== remaining) return
    const played = await this.store.transaction(async (tx) => {
      const order = await tx.getForUpdate<SandboxOrder>(KIND.payOrder, peek.outTradeNo)
      const refund = await tx.getForUpdate<SandboxRefund>(KIND.refund, outRefundNo)
      if (!order || !refund || refund.plan.length !== remaining) return null
      const [next, ...rest] = refund.plan
      refund.status = next.outcome
      if (next.outcome === 'SUCCESS') {
        refund.successTime = toChinaRfc3339(this.now())
        order.state = 'REFUND'
        await tx.put(KIND.payOrder, order.outTradeNo, order)
      }
      refund.plan = rest
      refund.settling = rest.length > 0
      refund.nextStepAt = rest.length > 0 ? this.now() + this.delayMs : undefined
      await tx.put(KIND.refund, outRefundNo, refund)
      const url = refund.notifyUrl ?? this.opts.refundNotifyUrl
      if (!url || !next.notify) return { deliveryId: null, rest: rest.length }
      const { eventType, summary, plaintext } = refundNotification(refund, order, next.outcome)
      return { deliveryId: await this.notifier.record(tx, url, this.notifier.envelope(eventType, summary, 'refund', plaintext)), rest: rest.length }
    })
    if (!played) return
    if (played.deliveryId) this.notifier.start(played.deliveryId)
    if (played.rest > 0) this.scheduleStep(outRefundNo, played.rest, this.delayMs)
  }
}
