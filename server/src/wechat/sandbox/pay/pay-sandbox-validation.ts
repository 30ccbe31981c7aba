/**
 * Request checks for the pay sandbox, with WeChat Pay's own codes and (Chinese) wording: the
 * Authorization header, the JSON body, and the prepay/refund fields. Each failure is a Fault,
 * which the sandbox answers as `{code, message}` with its status.
 */
import { verifyAuthorization } from '../../pay/pay-crypto'
import { MIN, type SandboxRequest } from './pay-sandbox-types'
import type { PaySandboxCredentials } from './sandbox-credentials'

const DEFAULT_EXPIRY_MS = 7 * 24 * 3600_000
const MAX_EXPIRY_MS = 90 * 24 * 3600_000

export class Fault extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export type Json = Record<string, unknown>
export const param = (message: string) => new Fault(400, 'PARAM_ERROR', message)
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const hasNull = (v: unknown): boolean =>
  v === null || (typeof v === 'object' && Object.values(v as object).some(hasNull))
const hasAstral = (s: string) => Array.from(s).some((ch) => ch.codePointAt(0)! > 0xffff)

/** 401 SIGN_ERROR unless the merchant's key signed the request within 5 minutes of now. */
export function checkAuthorization(req: SandboxRequest, c: PaySandboxCredentials, now: number): Fault | undefined {
  const authorization = req.headers['authorization'] ?? req.headers['Authorization']
  const verdict = verifyAuthorization(
    { method: req.method, pathAndQuery: req.url, body: req.rawBody, authorization: Array.isArray(authorization) ? authorization[0] : authorization },
    (mchid, serial) => (mchid === c.mchid && serial.toUpperCase() === c.merchantSerial ? c.merchantPublicKey : undefined),
    now,
  )
  if (verdict.ok) return undefined
  const message =
    verdict.reason === 'STALE_TIMESTAMP'
      ? 'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟'
      : verdict.reason === 'MISSING_HEADERS'
        ? 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》'
        : '签名错误，请检查后再试'
  return new Fault(401, 'SIGN_ERROR', message)
}

export function parseBody(raw: string): Json {
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
export function text(obj: Json, key: string, where: string, max: number, required = true): string | undefined {
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

/** Key-order-independent JSON, to tell a repeated prepay with the same parameters. */
export const canonical = (v: unknown): string =>
  isObject(v)
    ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
    : Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : JSON.stringify(v)

export interface PrepayRequest {
  appid: string
  mchid: string
  description: string
  outTradeNo: string
  notifyUrl: string
  attach?: string
  timeExpire?: string
  total: number
  openid: string
}

/** The JSAPI prepay body's fields, checked in WeChat's order. */
export function parsePrepayRequest(b: Json): PrepayRequest {
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
  return { appid, mchid, description, outTradeNo, notifyUrl: url, attach, timeExpire, total, openid }
}

/** When an order placed `now` stops being payable: 7 days by default, time_expire within 90 days. */
export function expiryFrom(timeExpire: string | undefined, now: number): number {
  if (timeExpire === undefined) return now + DEFAULT_EXPIRY_MS
  const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(timeExpire) ? Date.parse(timeExpire) : NaN
  if (Number.isNaN(parsed)) throw param('字段“time_expire”须为RFC3339格式，如2018-06-08T10:34:56+08:00')
  if (parsed > now + MAX_EXPIRY_MS) throw param('字段“time_expire”不能晚于下单后90天')
  return Math.max(parsed, now + MIN) // earlier than +1 min is moved to +1 min, as WeChat does
}

export interface RefundRequest {
  outRefundNo: string
  outTradeNo?: string
  transactionId?: string
  notifyUrl?: string
  refund: number
  total: number
}

/** The refund body's fields, checked in WeChat's order. */
export function parseRefundRequest(b: Json): RefundRequest {
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
  return { outRefundNo, outTradeNo, transactionId, notifyUrl: url, refund, total }
}
