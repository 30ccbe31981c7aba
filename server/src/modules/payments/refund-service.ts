/**
 * Refunds through the WeChat Pay v3 refund API. A durable submit job sends each refund with its
 * own out_refund_no (a retry reuses it, so WeChat refunds once); the signed REFUND.* notice or a
 * durable query job (about a minute after sending, then backing off for days) settles it:
 *
 *   processing → succeeded | closed | abnormal      abnormal → succeeded | closed
 *
 * A permanent refusal when sending ends it failed with WeChat's reason (listed for the manager,
 * not retried); a transient error is thrown, so the job runner retries it with backoff.
 */
import { REFUND_RULES, REFUND_UNSETTLED, refundQueryDelayMs, refundStatusAfter, type WechatRefundStatus } from '@domain/payment-states'
import type { Db, Executor } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { enqueue } from '../../jobs/job-queue'
import type { JobHandler } from '../../jobs/job-runner'
import { WechatPayError, type Refund, type RefundNotice, type WechatPayClient } from '../../wechat/pay/pay-client'
import { QUERY_REFUND_JOB, SUBMIT_REFUND_JOB } from './payment-ledger'
import { findPayment, findRefund, type RefundRow } from './payment-repository'
import { changeRefund, type RefundChange } from './refund-repository'
import { NotificationRefused } from './notify-route'
import { recordRefund, serialiseOrderRefunds } from '../sales-rollup'

export const REFUND_NOTIFY_PATH = '/api/v1/refunds/wechat/notify'

/**
 * Refund-create errors after which this refund will never be made, so it ends failed (with
 * WeChat's code and message) for the manager to settle another way, instead of being retried:
 * - PARAM_ERROR, INVALID_REQUEST: the request breaks a format or business rule (e.g. more than is
 *   left of the payment, past the year); the same request is refused the same way again.
 * - APPID_MCHID_NOT_MATCH, MCH_NOT_EXISTS: the payment is not this merchant's.
 * - RESOURCE_NOT_EXISTS: WeChat Pay has no such trade to refund.
 * - USER_ACCOUNT_ABNORMAL: the buyer's account is closed or abnormal: it cannot go back that way.
 * - NO_AUTH: the merchant may not refund (a platform setting): shown to the manager rather than
 *   retried hourly in silence.
 * - RULELIMIT / RULE_LIMIT, TRADE_ERROR: WeChat's business rule or trade state forbids it.
 * Everything else is retried: FREQUENCY_LIMITED (429, outcome unknown: queried first),
 * SYSTEM_ERROR and other 5xx, NOT_ENOUGH / NOTENOUGH (the balance will be topped up), SIGN_ERROR
 * (a clock or key to fix on our side), a network failure or an unverifiable answer.
 */
export const PERMANENT_REFUND_ERRORS: readonly string[] = [
  'PARAM_ERROR',
  'INVALID_REQUEST',
  'APPID_MCHID_NOT_MATCH',
  'MCH_NOT_EXISTS',
  'RESOURCE_NOT_EXISTS',
  'USER_ACCOUNT_ABNORMAL',
  'NO_AUTH',
  'RULELIMIT',
  'RULE_LIMIT',
  'TRADE_ERROR',
]

const isPermanent = (err: unknown): err is WechatPayError => err instanceof WechatPayError && PERMANENT_REFUND_ERRORS.includes(err.code)
const isCode = (err: unknown, code: string): err is WechatPayError => err instanceof WechatPayError && err.code === code

/** Kept with an abnormal refund: what WeChat said, for the manager. */
const ABNORMAL_REASON = 'ABNORMAL: 退款异常，原路退回失败（如买家银行卡已注销或冻结）'

export interface RefundServiceDeps {
  db: Db
  clock: () => Date
  pay: WechatPayClient
  mchid: string
  notifyBaseUrl: () => string
}

/** Schedules the `n`-th query (0 = the first) of a refund, `delayMs` from `from`; a fresh job per query. */
async function scheduleQuery(db: Executor, refundId: number, n: number, from: Date, delayMs: number): Promise<void> {
  await enqueue(db, { kind: QUERY_REFUND_JOB, dedupeKey: `refund-query:${refundId}:${n}`, payload: { refundId, n }, runAt: new Date(from.getTime() + delayMs) })
}

/**
 * Applies what WeChat reports of a (locked) refund, once: the status moves as refundStatusAfter
 * says (a SUCCESS after ABNORMAL counts); a success enters the sales rollup in the same transaction.
 */
async function applyReport(tx: Executor, refund: RefundRow, reported: WechatRefundStatus, refundId: string | undefined, at: Date): Promise<RefundRow> {
  const next = refundStatusAfter(refund.status, reported)
  const set: RefundChange = {}
  if (refundId && refundId !== refund.refundId) set.refundId = refundId
  if (next) {
    set.status = next
    if (next === 'succeeded') set.succeededAt = at
    else set.settledAt = at
    if (next === 'abnormal') set.failureReason = ABNORMAL_REASON
  }
  if (Object.keys(set).length === 0) return refund
  const changed = await changeRefund(tx, refund.id, set)
  if (next === 'succeeded') await recordRefund(tx, changed, at)
  return changed
}

export function createRefundService({ db, clock, pay, mchid, notifyBaseUrl }: RefundServiceDeps) {
  /** Settles a refund by what a notice or an answer reports; the notice's amount must be the row's. */
  async function settle(where: { id: number } | { outRefundNo: string }, reported: WechatRefundStatus, refundId: string | undefined, amount?: number): Promise<RefundRow> {
    return inTransaction(db, async (tx) => {
      const refund = await findRefund(tx, where, true)
      if (!refund) throw new NotificationRefused(404, `unknown refund ${JSON.stringify(where)}`)
      if (amount !== undefined && amount !== refund.amountFen) throw new NotificationRefused(400, `refund amount ${amount} differs from ${refund.amountFen}`)
      // Successes of one order's refunds are recorded one at a time, each stamped after the
      // previous committed, so the goods-first split sees every earlier one (sales-rollup).
      if (refundStatusAfter(refund.status, reported) === 'succeeded') await serialiseOrderRefunds(tx, refund.orderId)
      return applyReport(tx, refund, reported, refundId, clock())
    })
  }

  /** Settles by a create or query answer; while still unsettled, schedules query number `n` after `delay` (none when null). */
  async function settleAnswer(refund: RefundRow, answer: Refund, n: number, delay: number | null, now: Date): Promise<void> {
    const settled = await settle({ id: refund.id }, answer.status, answer.refund_id)
    if (REFUND_UNSETTLED.includes(settled.status) && delay !== null) await scheduleQuery(db, refund.id, n, now, delay)
  }

  /** A permanent refusal: failed with WeChat's code and message, not retried. */
  async function refuse(refund: RefundRow, err: WechatPayError, now: Date): Promise<void> {
    await inTransaction(db, async (tx) => {
      const locked = await findRefund(tx, { id: refund.id }, true)
      if (locked?.status !== 'processing') return
      await changeRefund(tx, refund.id, { status: 'failed', settledAt: now, failureReason: `${err.code}: ${err.message}`.slice(0, 500) })
    })
  }

  return {
    async onRefundNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
      const notice = pay.parseNotification(headers, rawBody)
      if (!notice.eventType.startsWith('REFUND.')) return
      const r = notice.resource as unknown as RefundNotice
      if (r.mchid !== mchid) throw new NotificationRefused(400, 'mchid is not ours')
      await settle({ outRefundNo: r.out_refund_no }, r.refund_status, r.refund_id, r.amount?.refund)
    },

    jobs: {
      /**
       * Sends the refund (again, with the same out_refund_no, after a transient error); the first
       * query follows a minute later. `nextQuery`: queries already made (a re-send after a query
       * found nothing at WeChat), so each query job keeps its own dedupe key.
       */
      [SUBMIT_REFUND_JOB]: (async (payload, now) => {
        const nextQuery = Number(payload.nextQuery ?? 0)
        let refund = await findRefund(db, { id: Number(payload.refundId) })
        if (!refund || refund.status !== 'processing') return
        const payment = await findPayment(db, { id: refund.paymentId })
        if (!payment) throw new Error(`refund ${refund.id} has no payment`)
        if (!refund.submittedAt) refund = await changeRefund(db, refund.id, { submittedAt: now })
        let answer: Refund
        try {
          answer = await pay.createRefund({
            outTradeNo: payment.outTradeNo,
            outRefundNo: refund.outRefundNo,
            refundFen: refund.amountFen,
            totalFen: payment.amountFen,
            reason: refund.reason,
            notifyUrl: `${notifyBaseUrl()}${REFUND_NOTIFY_PATH}`,
          })
        } catch (err) {
          if (isPermanent(err)) return refuse(refund, err, now)
          // 429: WeChat may or may not have taken it. Ask; retry the create only if it has not.
          if (isCode(err, 'FREQUENCY_LIMITED') || (err instanceof WechatPayError && err.status === 429)) {
            const found = await pay.queryRefund(refund.outRefundNo).catch((queryErr: unknown) => {
              if (isCode(queryErr, 'RESOURCE_NOT_EXISTS')) return null
              throw queryErr
            })
            if (found) return settleAnswer(refund, found, nextQuery, REFUND_RULES.firstQueryMs, now)
          }
          throw err
        }
        await settleAnswer(refund, answer, nextQuery, REFUND_RULES.firstQueryMs, now)
      }) satisfies JobHandler,

      /** Asks WeChat about a refund not yet settled; backs off (refundQueryDelayMs) until it is, or gives up after days. */
      [QUERY_REFUND_JOB]: (async (payload, now) => {
        const refund = await findRefund(db, { id: Number(payload.refundId) })
        if (!refund || !REFUND_UNSETTLED.includes(refund.status)) return
        const n = Number(payload.n ?? 0)
        let answer: Refund
        try {
          answer = await pay.queryRefund(refund.outRefundNo)
        } catch (err) {
          // WeChat never got it (the create was lost): send it again, with the same out_refund_no.
          if (isCode(err, 'RESOURCE_NOT_EXISTS')) {
            if (refund.status === 'processing') {
              await enqueue(db, { kind: SUBMIT_REFUND_JOB, dedupeKey: `refund:${refund.id}:again:${n}`, payload: { refundId: refund.id, nextQuery: n + 1 }, runAt: now })
            }
            return
          }
          throw err
        }
        await settleAnswer(refund, answer, n + 1, refundQueryDelayMs(n + 1), now)
      }) satisfies JobHandler,
    },
  }
}

export type RefundService = ReturnType<typeof createRefundService>
