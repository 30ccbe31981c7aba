/**
 * The pay sandbox's shapes: its options, what it trades with pay-sandbox-routes.ts, the
 * notification log it keeps, and its order/refund records. pay-sandbox.ts re-exports the public ones.
 */
import type { RefundStatus } from '../../pay/pay-client'
import type { SandboxStore } from '../sandbox-store'
import type { PaySandboxCredentials } from './sandbox-credentials'

export const MIN = 60_000

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface PaySandboxOptions {
  credentials: PaySandboxCredentials
  /** Where orders, refunds, switches and notification deliveries live (shared by every instance). */
  store: SandboxStore
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
  /**
   * How often (ms) start() looks for pending deliveries and refund settlements no timer of this
   * instance waits for (left by a restart or by an instance that died); 0 = only once, at start.
   */
  sweepMs?: number
  /** Background work that failed (a delivery, a refund step): for the log. */
  onError?: (err: unknown) => void
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
  /** The delivery's record id in the store. */
  id: string
  url: string
  notificationId: string
  eventType: string
  /** Set for forged and duplicate deliveries (one attempt, no retries). */
  kind: 'genuine' | 'duplicate' | ForgeryKind
  body: string
  attempts: DeliveryAttempt[]
  state: 'pending' | 'delivered' | 'failed'
}

/** A delivery as stored: what is pending, when the next attempt is due, who holds it now. */
export interface StoredDelivery extends Omit<Delivery, 'id'> {
  /** Genuine notices are retried on WeChat's schedule; duplicates and forgeries are one attempt. */
  retries: boolean
  /** When (sandbox clock, ms) the next attempt is due. */
  nextAt: number
  /** An instance is posting it until then (a lease, so no two instances post the same attempt). */
  leaseUntil: number | null
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

export type RefundOutcome = Exclude<RefundStatus, 'PROCESSING'>

/**
 * What the next refund plays (switches.nextRefundOutcome, POST <sandbox>/refund-scenario):
 * SUCCESS / CLOSED / ABNORMAL settle after refundDelayMs with their REFUND.* notice;
 * ABNORMAL_THEN_SUCCESS is ABNORMAL, then SUCCESS one more refundDelayMs later (a bank
 * re-crediting after a manual fix), a notice each; REFUSED answers the create call with a
 * permanent error and creates nothing; SUCCESS_NOTICE_LOST succeeds but no notice is ever sent
 * (only the refund query tells).
 */
export const REFUND_SCENARIOS = ['SUCCESS', 'CLOSED', 'ABNORMAL', 'ABNORMAL_THEN_SUCCESS', 'REFUSED', 'SUCCESS_NOTICE_LOST'] as const
export type RefundScenario = (typeof REFUND_SCENARIOS)[number]

export interface SandboxOrder {
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

/** One settlement step still to come: the status it sets, and whether a REFUND.* notice goes out. */
export interface RefundStep {
  outcome: RefundOutcome
  notify: boolean
}

export interface SandboxRefund {
  refundId: string
  outRefundNo: string
  outTradeNo: string
  refund: number
  notifyUrl?: string
  createTime: string
  status: RefundStatus
  successTime?: string
  /** The steps still to play, each refundDelayMs after the one before. */
  plan: RefundStep[]
  /** True while `plan` is not empty (a JSON filter finds refunds still settling). */
  settling: boolean
  /** When (sandbox clock, ms) the next step is due. */
  nextStepAt?: number
}
