/**
 * WeChat Pay API v3 client (direct merchant, JSAPI / mini-program payment) over fetch,
 * exactly as wechat-protocols.md §2 describes: every request signed with the merchant key,
 * every 2xx answer's signature verified (a forged or unsigned 2xx is an error), errors parsed
 * from `{code,message}`, notifications verified over the raw body and then decrypted.
 * Amounts are integer fen.
 */
import type { KeyObject } from 'node:crypto'
import { chinaRfc3339 } from '@domain/china-time'
import {
  buildAuthorization,
  decryptResource,
  randomAlphanumeric,
  requestPaymentParams,
  unixSeconds,
  verifyWechatpaySignature,
  wechatpayHeaders,
  type RequestPaymentParams,
  type VerifyFailure,
} from './pay-crypto'

export type { RequestPaymentParams } from './pay-crypto'

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR' | 'ACCEPT'

/** The order as WeChat Pay reports it (query answer and TRANSACTION.* notification plaintext). */
export interface Transaction {
  appid: string
  mchid: string
  out_trade_no: string
  transaction_id?: string
  trade_type?: string
  trade_state: TradeState
  trade_state_desc?: string
  bank_type?: string
  attach?: string
  success_time?: string
  payer?: { openid: string }
  amount: { total: number; payer_total?: number; currency?: string; payer_currency?: string }
}

export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL'

export interface Refund {
  refund_id: string
  out_refund_no: string
  transaction_id: string
  out_trade_no: string
  channel?: string
  user_received_account?: string
  success_time?: string
  create_time: string
  status: RefundStatus
  funds_account?: string
  amount: {
    total: number
    refund: number
    payer_total?: number
    payer_refund?: number
    settlement_refund?: number
    settlement_total?: number
    discount_refund?: number
    currency?: string
    from?: Array<{ account: string; amount: number }>
  }
  promotion_detail?: unknown[]
}

/** Plaintext of a REFUND.* notification. */
export interface RefundNotice {
  mchid: string
  transaction_id: string
  out_trade_no: string
  refund_id: string
  out_refund_no: string
  refund_status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL'
  success_time?: string
  user_received_account?: string
  amount: { total: number; refund: number; payer_total: number; payer_refund: number }
}

/** status 0 = no HTTP answer (code NETWORK); 2xx with code INVALID_RESPONSE_SIGNATURE = forged answer. */
export class WechatPayError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(`WeChat Pay ${status} ${code}: ${message}`)
  }
}

export type NotificationRejection = VerifyFailure | 'DECRYPT_FAILED' | 'MALFORMED_BODY'

/** The notification must be answered with a non-2xx (WeChat Pay will retry) and not processed. */
export class NotificationRejected extends Error {
  constructor(public readonly reason: NotificationRejection) {
    super(`WeChat Pay notification rejected: ${reason}`)
  }
}

export interface ParsedNotification {
  id: string
  /** TRANSACTION.SUCCESS, REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED … */
  eventType: string
  /** Envelope `resource_type`, e.g. encrypt-resource. */
  resourceType: string
  /** `resource.original_type`: transaction | refund. */
  originalType: string
  createTime: string
  summary: string
  /** Decrypted JSON: a Transaction for TRANSACTION.*, a RefundNotice for REFUND.*. Check it against your records. */
  resource: Record<string, unknown>
}

export interface WechatPayClientOptions {
  /** https://api.mch.weixin.qq.com, or `<server>/sandbox/wechat/pay`. */
  baseUrl: () => string
  appId: string
  mchid: string
  merchantSerial: string
  merchantPrivateKey: KeyObject
  apiV3Key: string
  /** Verification keys by `Wechatpay-Serial` (PUB_KEY_ID_… and/or platform certificate serials). */
  platformKeys: ReadonlyMap<string, KeyObject>
  /** Sent as `Wechatpay-Serial` so answers are signed with the WeChat Pay public key. */
  publicKeyId: string
  fetchImpl?: typeof fetch
  /** Milliseconds since the epoch. */
  now?: () => number
  timeoutMs?: number
}

export interface JsapiPrepayInput {
  outTradeNo: string
  description: string
  amountFen: number
  payerOpenid: string
  timeExpire: Date
  notifyUrl: string
  attach?: string
}

export interface CreateRefundInput {
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  totalFen: number
  reason: string
  notifyUrl: string
}

/** RFC 3339 in China time, e.g. 2026-11-28T10:34:56+08:00 (whole seconds). */
export function toChinaRfc3339(ms: number): string {
  return chinaRfc3339(ms)
}

/** WeChat Pay takes 1–3-byte UTF-8 only: drop emoji and other astral characters, keep ≤ 127. */
export function cleanDescription(text: string): string {
  return Array.from(text)
    .filter((ch) => ch.codePointAt(0)! <= 0xffff)
    .join('')
    .slice(0, 127)
}

export function createWechatPayClient(opts: WechatPayClientOptions) {
  const doFetch = opts.fetchImpl ?? fetch
  const now = opts.now ?? Date.now

  async function call(method: 'GET' | 'POST', pathAndQuery: string, payload?: object): Promise<{ status: number; body: string }> {
    const url = new URL(`${opts.baseUrl().replace(/\/+$/, '')}${pathAndQuery}`)
    const body = payload === undefined ? '' : JSON.stringify(payload)
    const authorization = buildAuthorization({
      method,
      pathAndQuery: url.pathname + url.search,
      body,
      mchid: opts.mchid,
      serialNo: opts.merchantSerial,
      privateKey: opts.merchantPrivateKey,
      timestamp: unixSeconds(now()),
      nonce: randomAlphanumeric(32),
    })
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: authorization,
      'User-Agent': 'xiangji-wechatpay/1.0 (node)',
      'Wechatpay-Serial': opts.publicKeyId,
    }
    if (payload !== undefined) headers['Content-Type'] = 'application/json'
    let res: Response
    let text: string
    try {
      res = await doFetch(url, { method, headers, body: payload === undefined ? undefined : body, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) })
      text = await res.text()
    } catch (err) {
      throw new WechatPayError(0, 'NETWORK', `unreachable: ${(err as Error).message}`)
    }
    if (res.status >= 200 && res.status < 300) {
      const verdict = verifyWechatpaySignature(wechatpayHeaders(res.headers), text, opts.platformKeys, now())
      if (!verdict.ok) throw new WechatPayError(res.status, 'INVALID_RESPONSE_SIGNATURE', verdict.reason)
      // 202: accepted but not processed (e.g. USERPAYING); retry with the same parameters.
      if (res.status === 202) throw errorFrom(res.status, text)
      return { status: res.status, body: text }
    }
    throw errorFrom(res.status, text)
  }

  function errorFrom(status: number, text: string): WechatPayError {
    try {
      const parsed = JSON.parse(text) as { code?: unknown; message?: unknown }
      if (typeof parsed.code === 'string') return new WechatPayError(status, parsed.code, String(parsed.message ?? ''))
    } catch {
      // not JSON: fall through
    }
    return new WechatPayError(status, `HTTP_${status}`, text.slice(0, 200))
  }

  function json<T>(body: string): T {
    try {
      return JSON.parse(body) as T
    } catch {
      throw new WechatPayError(200, 'MALFORMED_RESPONSE', body.slice(0, 200))
    }
  }

  const mchidQuery = `?mchid=${encodeURIComponent(opts.mchid)}`
  const seg = encodeURIComponent

  return {
    async jsapiPrepay(input: JsapiPrepayInput): Promise<{ prepayId: string }> {
      const { body } = await call('POST', '/v3/pay/transactions/jsapi', {
        appid: opts.appId,
        mchid: opts.mchid,
        description: cleanDescription(input.description),
        out_trade_no: input.outTradeNo,
        time_expire: toChinaRfc3339(input.timeExpire.getTime()),
        ...(input.attach !== undefined ? { attach: input.attach } : {}),
        notify_url: input.notifyUrl,
        amount: { total: input.amountFen, currency: 'CNY' },
        payer: { openid: input.payerOpenid },
      })
      const prepayId = json<{ prepay_id?: unknown }>(body).prepay_id
      if (typeof prepayId !== 'string' || !prepayId) throw new WechatPayError(200, 'MALFORMED_RESPONSE', 'no prepay_id')
      return { prepayId }
    },

    requestPayment(prepayId: string): RequestPaymentParams {
      return requestPaymentParams(opts.appId, prepayId, opts.merchantPrivateKey, now())
    },

    async queryByOutTradeNo(outTradeNo: string): Promise<Transaction> {
      return json<Transaction>((await call('GET', `/v3/pay/transactions/out-trade-no/${seg(outTradeNo)}${mchidQuery}`)).body)
    },

    async closeOrder(outTradeNo: string): Promise<void> {
      await call('POST', `/v3/pay/transactions/out-trade-no/${seg(outTradeNo)}/close`, { mchid: opts.mchid })
    },

    async createRefund(input: CreateRefundInput): Promise<Refund> {
      const reason = cleanDescription(input.reason).slice(0, 80)
      const { body } = await call('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        ...(reason ? { reason } : {}),
        notify_url: input.notifyUrl,
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      })
      return json<Refund>(body)
    },

    async queryRefund(outRefundNo: string): Promise<Refund> {
      return json<Refund>((await call('GET', `/v3/refund/domestic/refunds/${seg(outRefundNo)}`)).body)
    },

    /** Verify over the RAW body, then decrypt. Throws NotificationRejected; answer it with a non-2xx. */
    parseNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): ParsedNotification {
      const verdict = verifyWechatpaySignature(wechatpayHeaders(headers), rawBody, opts.platformKeys, now())
      if (!verdict.ok) throw new NotificationRejected(verdict.reason)
      let envelope: Record<string, unknown>
      let resource: { ciphertext: string; nonce: string; associated_data?: string; algorithm?: string; original_type?: string }
      try {
        envelope = JSON.parse(rawBody) as Record<string, unknown>
        resource = envelope.resource as typeof resource
        if (typeof resource?.ciphertext !== 'string' || typeof resource.nonce !== 'string') throw new Error('no resource')
      } catch {
        throw new NotificationRejected('MALFORMED_BODY')
      }
      let plain: Record<string, unknown>
      try {
        if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`algorithm ${resource.algorithm}`)
        plain = JSON.parse(decryptResource(resource, opts.apiV3Key)) as Record<string, unknown>
      } catch {
        throw new NotificationRejected('DECRYPT_FAILED')
      }
      return {
        id: String(envelope.id ?? ''),
        eventType: String(envelope.event_type ?? ''),
        resourceType: String(envelope.resource_type ?? ''),
        originalType: String(resource.original_type ?? ''),
        createTime: String(envelope.create_time ?? ''),
        summary: String(envelope.summary ?? ''),
        resource: plain,
      }
    },
  }
}

export type WechatPayClient = ReturnType<typeof createWechatPayClient>
