/**
 * The pay sandbox's notifications: the envelope (sealed with the APIv3 key), signed POSTs to the
 * notify_url, WeChat's retry schedule for genuine ones, single forged or duplicate deliveries.
 *
 * Every delivery is a record in the store (kind pay_delivery): pending / delivered / failed, its
 * attempts, when the next one is due and a lease. A genuine delivery is recorded in the same
 * transaction as what it announces (the payment, the refund step), then attempted at once;
 * each attempt first takes the lease under a row lock and only if the record still expects that
 * attempt, so two instances never post the same attempt. Retries wait on in-process timers
 * (SandboxWork); a delivery whose timer died with its process is picked up by `resume()` on
 * the next start or sweep of any instance, at its due time.
 * `deliveries` is this instance's own log of what it sent (tests read it); the store has all.
 */
import crypto, { type KeyObject } from 'node:crypto'
import { encryptResource, rsaSign, signResponse, SIGNTEST_PREFIX } from '../../pay/pay-crypto'
import { toChinaRfc3339 } from '../../pay/pay-client'
import { KIND, type SandboxStore, type SandboxTx } from '../sandbox-store'
import { platformSign } from './pay-sandbox-answers'
import { digits, requestId } from './pay-sandbox-ids'
import { MIN, type Delivery, type DeliveryAttempt, type ForgeryKind, type PaySandboxOptions, type StoredDelivery } from './pay-sandbox-types'
import type { SandboxWork } from './pay-sandbox-work'
import type { PaySandboxCredentials } from './sandbox-credentials'

/** WeChat Pay's notification retry delays after a failed attempt: 15s/15s/30s/3m/…/6h (24h4m). */
export const WECHAT_NOTIFY_RETRY_SCHEDULE_MS: readonly number[] = [
  0.25, 0.25, 0.5, 3, 10, 20, 30, 30, 30, 60, 180, 180, 180, 360, 360,
].map((m) => m * MIN)

/** How long past the answer timeout a lease holds (an instance that died mid-POST frees it then). */
const LEASE_MARGIN_MS = 5000

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

const asDelivery = (id: string, d: StoredDelivery): Delivery => ({
  id, url: d.url, notificationId: d.notificationId, eventType: d.eventType, kind: d.kind, body: d.body, attempts: d.attempts, state: d.state,
})

export class Notifier {
  /** What this instance sent, oldest first (the store has every instance's). */
  readonly deliveries: Delivery[] = []

  private readonly mine = new Map<string, Delivery>()
  private readonly credentials: PaySandboxCredentials
  private readonly store: SandboxStore
  private readonly retryDelays: readonly number[]
  private readonly fetchImpl: typeof fetch
  private readonly timeoutMs: number
  private attackerKey?: KeyObject

  constructor(
    opts: PaySandboxOptions,
    private readonly now: () => number,
    private readonly work: SandboxWork,
  ) {
    this.credentials = opts.credentials
    this.store = opts.store
    this.retryDelays = opts.retryScheduleMs ?? WECHAT_NOTIFY_RETRY_SCHEDULE_MS.map((ms) => ms * (opts.retryScale ?? 1))
    this.fetchImpl = opts.fetchImpl ?? fetch
    this.timeoutMs = opts.deliveryTimeoutMs ?? 5000
  }

  envelope(eventType: string, summary: string, originalType: string, plaintext: object, at = this.now()): string {
    return notificationEnvelope(this.credentials.apiV3Key, at, eventType, summary, originalType, plaintext)
  }

  /** Records a genuine delivery in the caller's transaction; call start() once it committed. */
  async record(tx: SandboxTx, url: string, body: string): Promise<string> {
    const id = crypto.randomUUID()
    const { id: notificationId, event_type } = JSON.parse(body) as { id: string; event_type: string }
    const d: StoredDelivery = {
      url, notificationId, eventType: event_type, kind: 'genuine', body, attempts: [], state: 'pending', retries: true, nextAt: this.now(), leaseUntil: null,
    }
    await tx.create(KIND.delivery, id, d)
    return id
  }

  /** The first attempt of a recorded delivery, now; retries follow on WeChat's schedule. */
  start(id: string): void {
    this.work.background(() => this.attempt(id, 1))
  }

  /** One attempt, no retries: duplicates (genuinely signed) and forgeries (with their own headers). */
  sendOnce(url: string, body: string, kind: Delivery['kind'], headers?: Record<string, string>): Promise<DeliveryAttempt> {
    return this.work.run(async () => {
      const { id: notificationId, event_type } = JSON.parse(body) as { id: string; event_type: string }
      const result = await this.post(url, body, headers ?? platformSign(this.credentials, body, this.now()))
      const d: StoredDelivery = {
        url, notificationId, eventType: event_type, kind, body, attempts: [result], state: answered(result) ? 'delivered' : 'failed',
        retries: false, nextAt: this.now(), leaseUntil: null,
      }
      const id = crypto.randomUUID()
      await this.store.put(KIND.delivery, id, d)
      this.reflect(id, d)
      return result
    })
  }

  sendForgery(kind: ForgeryKind, url: string, body: string): Promise<DeliveryAttempt> {
    return this.sendOnce(url, body, kind, forgedHeaders(kind, body, this.credentials, this.now(), () => this.attacker()))
  }

  /** Every genuine delivery still pending in the store, whoever sent it. */
  async pending(): Promise<Delivery[]> {
    const rows = await this.store.list<StoredDelivery>(KIND.delivery, { state: 'pending', retries: true })
    return rows.map((r) => asDelivery(r.id, r.data))
  }

  /** Puts a timer on every pending delivery no timer of this instance waits for, at its due time. */
  async resume(): Promise<void> {
    for (const { id, data } of await this.store.list<StoredDelivery>(KIND.delivery, { state: 'pending', retries: true })) {
      const n = data.attempts.length + 1
      const dueIn = Math.max(data.nextAt, data.leaseUntil ?? 0) - this.now()
      this.work.schedule(`delivery:${id}:${n}`, dueIn, () => this.attempt(id, n))
    }
  }

  /** Attempt `n` of delivery `id`, unless another instance made it or holds the lease. */
  private async attempt(id: string, n: number): Promise<void> {
    const claimed = await this.store.transaction(async (tx) => {
      const d = await tx.getForUpdate<StoredDelivery>(KIND.delivery, id)
      if (!d || d.state !== 'pending' || d.attempts.length !== n - 1 || (d.leaseUntil !== null && d.leaseUntil > this.now())) return null
      await tx.put(KIND.delivery, id, { ...d, leaseUntil: this.now() + this.timeoutMs + LEASE_MARGIN_MS })
      return d
    })
    if (!claimed) return
    this.reflect(id, claimed)
    const result = await this.post(claimed.url, claimed.body, platformSign(this.credentials, claimed.body, this.now()))
    const delay = this.retryDelays[n - 1]
    const after = await this.store.update<StoredDelivery, StoredDelivery | null>(KIND.delivery, id, (d) => {
      if (!d) return { data: null, result: null }
      const state = answered(result) ? 'delivered' : delay === undefined ? 'failed' : 'pending'
      const next: StoredDelivery = { ...d, attempts: [...d.attempts, result], state, leaseUntil: null, nextAt: state === 'pending' ? this.now() + delay! : d.nextAt }
      return { data: next, result: next }
    })
    if (!after) return
    this.reflect(id, after)
    if (after.state === 'pending') this.work.schedule(`delivery:${id}:${n + 1}`, delay!, () => this.attempt(id, n + 1))
  }

  /** Keeps this instance's log in step with the store. */
  private reflect(id: string, d: StoredDelivery): void {
    const known = this.mine.get(id)
    if (known) {
      known.attempts = d.attempts
      known.state = d.state
      return
    }
    const entry = asDelivery(id, d)
    this.mine.set(id, entry)
    this.deliveries.push(entry)
  }

  private attacker(): KeyObject {
    this.attackerKey ??= crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    return this.attackerKey
  }

  private async post(url: string, body: string, signed: Record<string, string>): Promise<DeliveryAttempt> {
    const at = this.now()
    try {
      const res = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'Mozilla/4.0', 'Request-ID': requestId(), ...signed },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      await res.arrayBuffer()
      return { at, status: res.status }
    } catch (err) {
      return { at, status: 0, error: (err as Error).message }
    }
  }
}
