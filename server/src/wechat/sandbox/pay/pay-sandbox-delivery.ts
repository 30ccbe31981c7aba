/**
 * The pay sandbox's notifications: the envelope (sealed with the APIv3 key), signed POSTs to the
 * notify_url, WeChat's retry schedule for genuine ones, single forged or duplicate deliveries, and
 * the bookkeeping behind whenIdle() — every delivery, retry and scheduled settlement counts as busy.
 */
import crypto, { type KeyObject } from 'node:crypto'
import { encryptResource, rsaSign, signResponse, SIGNTEST_PREFIX } from '../../pay/pay-crypto'
import { toChinaRfc3339 } from '../../pay/pay-client'
import { platformSign } from './pay-sandbox-answers'
import { digits, requestId } from './pay-sandbox-ids'
import { MIN, type Delivery, type DeliveryAttempt, type ForgeryKind, type PaySandboxOptions, type Scheduler } from './pay-sandbox-types'
import type { PaySandboxCredentials } from './sandbox-credentials'

/** WeChat Pay's notification retry delays after a failed attempt: 15s/15s/30s/3m/…/6h (24h4m). */
export const WECHAT_NOTIFY_RETRY_SCHEDULE_MS: readonly number[] = [
  0.25, 0.25, 0.5, 3, 10, 20, 30, 30, 30, 60, 180, 180, 180, 360, 360,
].map((m) => m * MIN)

const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

const answered = (a: DeliveryAttempt) => a.status >= 200 && a.status < 300

/** A notification body: `plaintext` sealed with the APIv3 key inside WeChat's envelope. */
export function notificationEnvelope(apiV3Key: string, now: number, eventType: string, summary: string, originalType: string, plaintext: object): string {
  const sealed = encryptResource(JSON.stringify(plaintext), apiV3Key, originalType)
  return JSON.stringify({
    id: crypto.randomUUID(),
    create_time: toChinaRfc3339(now),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary,
    resource: { original_type: originalType, ...sealed },
  })
}

/**
 * The Wechatpay-* headers of a forged notification: a WECHATPAY/SIGNTEST/ probe, a timestamp 10
 * minutes old, an unknown serial, another key's signature, or (WRONG_AMOUNT) a correct signature.
 */
export function forgedHeaders(kind: ForgeryKind, body: string, c: PaySandboxCredentials, now: number, attacker: () => KeyObject): Record<string, string> {
  if (kind === 'STALE_TIMESTAMP') return platformSign(c, body, now - 10 * MIN)
  if (kind === 'UNKNOWN_SERIAL') return signResponse(body, attacker(), `PUB_KEY_ID_01${c.mchid}${digits(16)}`, now)
  if (kind === 'FORGED_SIGNATURE') return signResponse(body, attacker(), c.publicKeyId, now)
  const headers = platformSign(c, body, now)
  if (kind === 'SIGNTEST_PROBE') headers['Wechatpay-Signature'] = SIGNTEST_PREFIX + rsaSign(body, attacker())
  return headers
}

export class Notifier {
  /** Every notification sent, oldest first. */
  readonly deliveries: Delivery[] = []

  private readonly credentials: PaySandboxCredentials
  private readonly scheduler: Scheduler
  private readonly retryDelays: readonly number[]
  private readonly fetchImpl: typeof fetch
  private readonly timers = new Set<unknown>()
  private busy = 0
  private idleWaiters: Array<() => void> = []
  private attackerKey?: KeyObject

  constructor(
    private readonly opts: PaySandboxOptions,
    private readonly now: () => number,
  ) {
    this.credentials = opts.credentials
    this.scheduler = opts.scheduler ?? realScheduler
    this.retryDelays = opts.retryScheduleMs ?? WECHAT_NOTIFY_RETRY_SCHEDULE_MS.map((ms) => ms * (opts.retryScale ?? 1))
    this.fetchImpl = opts.fetchImpl ?? fetch
  }

  envelope(eventType: string, summary: string, originalType: string, plaintext: object): string {
    return notificationEnvelope(this.credentials.apiV3Key, this.now(), eventType, summary, originalType, plaintext)
  }

  /** A genuine delivery: signed afresh on each attempt, retried on WeChat's schedule. */
  send(url: string, body: string): void {
    const d = this.open(url, body, 'genuine')
    const attempt = async (): Promise<void> => {
      if (d.state !== 'pending') return
      const result = await this.post(url, body, platformSign(this.credentials, body, this.now()))
      if (d.state !== 'pending') return
      d.attempts.push(result)
      if (answered(result)) return this.finish(d, 'delivered')
      const delay = this.retryDelays[d.attempts.length - 1]
      if (delay === undefined) return this.finish(d, 'failed')
      this.later(delay, () => void attempt())
    }
    void attempt()
  }

  /** One attempt, no retries: duplicates (genuinely signed) and forgeries (with their own headers). */
  async sendOnce(url: string, body: string, kind: Delivery['kind'], headers?: Record<string, string>): Promise<DeliveryAttempt> {
    const d = this.open(url, body, kind)
    const result = await this.post(url, body, headers ?? platformSign(this.credentials, body, this.now()))
    d.attempts.push(result)
    if (d.state === 'pending') this.finish(d, answered(result) ? 'delivered' : 'failed')
    return result
  }

  sendForgery(kind: ForgeryKind, url: string, body: string): Promise<DeliveryAttempt> {
    return this.sendOnce(url, body, kind, forgedHeaders(kind, body, this.credentials, this.now(), () => this.attacker()))
  }

  /** Runs `fn` after `ms` on the scheduler, counting as busy until it has run. */
  later(ms: number, fn: () => void): void {
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

  pending(): Delivery[] {
    return this.deliveries.filter((d) => d.state === 'pending')
  }

  whenIdle(): Promise<void> {
    return this.busy === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** Cancels pending retries and scheduled work; pending deliveries become cancelled. */
  close(): void {
    for (const t of this.timers) this.scheduler.clearTimeout(t)
    this.timers.clear()
    for (const d of this.pending()) d.state = 'cancelled'
    this.busy = 0
    this.idle()
  }

  private attacker(): KeyObject {
    this.attackerKey ??= crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    return this.attackerKey
  }

  /** Records a pending delivery, busy until finished. */
  private open(url: string, body: string, kind: Delivery['kind']): Delivery {
    const { id, event_type } = JSON.parse(body) as { id: string; event_type: string }
    const d: Delivery = { seq: this.deliveries.length + 1, url, notificationId: id, eventType: event_type, kind, body, attempts: [], state: 'pending' }
    this.deliveries.push(d)
    this.busy++
    return d
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
