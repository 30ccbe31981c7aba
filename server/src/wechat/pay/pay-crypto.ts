/**
 * WeChat Pay API v3 cryptography (wechat-protocols.md §2.2, §2.3, §2.5, §2.6), pure functions
 * over node:crypto shared by the client and the sandbox:
 * - request signing: `METHOD\nPATH?QUERY\nTS\nNONCE\nBODY\n`, RSA-SHA256 with the merchant key,
 *   sent as `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,…`;
 * - response / callback signatures: `TS\nNONCE\nBODY\n`, key chosen by `Wechatpay-Serial`;
 * - AEAD_AES_256_GCM resources (APIv3 key, 12-byte nonce, AAD, trailing 16-byte tag);
 * - `wx.requestPayment` parameters (`appId\ntimeStamp\nnonceStr\npackage\n`).
 */
import crypto, { type KeyObject } from 'node:crypto'

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048'
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/'
/** Largest accepted |now − timestamp|, in seconds, both ways. */
export const MAX_CLOCK_SKEW_S = 300

export type VerifyFailure = 'MISSING_HEADERS' | 'SIGNTEST_PROBE' | 'STALE_TIMESTAMP' | 'UNKNOWN_SERIAL' | 'BAD_SIGNATURE'
export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure }

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** `length` characters from [0-9A-Za-z], unbiased (rejection sampling). */
export function randomAlphanumeric(length = 32): string {
  let out = ''
  while (out.length < length) {
    for (const byte of crypto.randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]
    }
  }
  return out
}

export const unixSeconds = (ms: number): string => Math.floor(ms / 1000).toString()

export function rsaSign(message: string, privateKey: KeyObject): string {
  return crypto.sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64')
}

export function rsaVerify(message: string, signatureBase64: string, publicKey: KeyObject): boolean {
  try {
    return crypto.verify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(signatureBase64, 'base64'))
  } catch {
    return false
  }
}

// ---- requests (merchant → WeChat Pay) -------------------------------------------------------

export const requestSignatureMessage = (method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string) =>
  `${method.toUpperCase()}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`

export interface AuthorizationInput {
  method: string
  /** `url.pathname + url.search`, byte-identical to what is sent. */
  pathAndQuery: string
  /** The exact body sent; '' for GET. */
  body: string
  mchid: string
  serialNo: string
  privateKey: KeyObject
  /** Unix seconds. */
  timestamp: string
  nonce: string
}

export function buildAuthorization(a: AuthorizationInput): string {
  const signature = rsaSign(requestSignatureMessage(a.method, a.pathAndQuery, a.timestamp, a.nonce, a.body), a.privateKey)
  return `${AUTH_SCHEME} mchid="${a.mchid}",nonce_str="${a.nonce}",signature="${signature}",timestamp="${a.timestamp}",serial_no="${a.serialNo}"`
}

export interface ParsedAuthorization {
  mchid: string
  nonce_str: string
  signature: string
  timestamp: string
  serial_no: string
}

/** The five `key="value"` pairs of an Authorization header (any order), or null if one is missing. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  const m = /^WECHATPAY2-SHA256-RSA2048\s+(.*)$/s.exec(header ?? '')
  if (!m) return null
  const fields: Record<string, string> = {}
  for (const [, key, value] of m[1].matchAll(/(\w+)="([^"]*)"/g)) fields[key] = value
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null
  return { mchid, nonce_str, signature, timestamp, serial_no }
}

const isStale = (timestamp: string, nowMs: number) =>
  !/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S

/**
 * What WeChat Pay checks on an inbound request (§2.2 "Fake-server verification").
 * `merchantKey(mchid, serialNo)` returns the registered merchant public key, if any.
 */
export function verifyAuthorization(
  req: { method: string; pathAndQuery: string; body: string; authorization: string | undefined },
  merchantKey: (mchid: string, serialNo: string) => KeyObject | undefined,
  nowMs: number,
): VerifyResult {
  const auth = parseAuthorization(req.authorization)
  if (!auth) return { ok: false, reason: 'MISSING_HEADERS' }
  if (isStale(auth.timestamp, nowMs)) return { ok: false, reason: 'STALE_TIMESTAMP' }
  const key = merchantKey(auth.mchid, auth.serial_no)
  if (!key) return { ok: false, reason: 'UNKNOWN_SERIAL' }
  const message = requestSignatureMessage(req.method, req.pathAndQuery, auth.timestamp, auth.nonce_str, req.body)
  return rsaVerify(message, auth.signature, key) ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE' }
}

// ---- responses and callbacks (WeChat Pay → merchant) ----------------------------------------

export interface WechatpaySignatureHeaders {
  timestamp?: string
  nonce?: string
  signature?: string
  serial?: string
}

export const responseSignatureMessage = (timestamp: string, nonce: string, body: string) => `${timestamp}\n${nonce}\n${body}\n`

type HeaderBag = Record<string, string | string[] | undefined> | Headers

/** Reads the four `Wechatpay-*` headers from fetch Headers or a Node/Fastify header record (any case). */
export function wechatpayHeaders(headers: HeaderBag): WechatpaySignatureHeaders {
  const get = (name: string): string | undefined => {
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
    const record = headers as Record<string, string | string[] | undefined>
    const key = Object.keys(record).find((k) => k.toLowerCase() === name)
    const value = key === undefined ? undefined : record[key]
    return Array.isArray(value) ? value[0] : value
  }
  return {
    timestamp: get('wechatpay-timestamp'),
    nonce: get('wechatpay-nonce'),
    signature: get('wechatpay-signature'),
    serial: get('wechatpay-serial'),
  }
}

/**
 * Verifies a WeChat Pay response or callback over the RAW body. The key is chosen by
 * `Wechatpay-Serial` (certificate serial or PUB_KEY_ID_…); an unknown serial never falls back.
 */
export function verifyWechatpaySignature(
  h: WechatpaySignatureHeaders,
  rawBody: string,
  keys: ReadonlyMap<string, KeyObject>,
  nowMs: number,
): VerifyResult {
  if (!h.timestamp || !h.nonce || !h.signature || !h.serial) return { ok: false, reason: 'MISSING_HEADERS' }
  if (h.signature.startsWith(SIGNTEST_PREFIX)) return { ok: false, reason: 'SIGNTEST_PROBE' }
  if (isStale(h.timestamp, nowMs)) return { ok: false, reason: 'STALE_TIMESTAMP' }
  const key = keys.get(h.serial)
  if (!key) return { ok: false, reason: 'UNKNOWN_SERIAL' }
  return rsaVerify(responseSignatureMessage(h.timestamp, h.nonce, rawBody), h.signature, key)
    ? { ok: true }
    : { ok: false, reason: 'BAD_SIGNATURE' }
}

/** The sandbox's side: the `Wechatpay-*` headers of a signed response or callback body. */
export function signResponse(
  body: string,
  platformKey: KeyObject,
  serial: string,
  nowMs: number,
  nonce = randomAlphanumeric(32),
): Record<string, string> {
  const timestamp = unixSeconds(nowMs)
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSign(responseSignatureMessage(timestamp, nonce, body), platformKey),
    'Wechatpay-Serial': serial,
    'Wechatpay-Signature-Type': AUTH_SCHEME,
  }
}

// ---- AEAD_AES_256_GCM resources ------------------------------------------------------------

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM'
  ciphertext: string
  associated_data: string
  nonce: string
  original_type?: string
}

function aesKey(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8')
  if (key.length !== 32) throw new Error('the APIv3 key must be 32 bytes')
  return key
}

export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  nonce = randomAlphanumeric(12),
): EncryptedResource {
  const cipher = crypto.createCipheriv('aes-256-gcm', aesKey(apiV3Key), Buffer.from(nonce, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.toString('base64'), associated_data: associatedData, nonce }
}

/** Decrypts a resource; throws if the key is wrong or the ciphertext, nonce or AAD were altered. */
export function decryptResource(
  r: { ciphertext: string; nonce: string; associated_data?: string },
  apiV3Key: string,
): string {
  const sealed = Buffer.from(r.ciphertext, 'base64')
  if (sealed.length < 16) throw new Error('ciphertext shorter than the GCM tag')
  const decipher = crypto.createDecipheriv('aes-256-gcm', aesKey(apiV3Key), Buffer.from(r.nonce, 'utf8'))
  decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'))
  decipher.setAuthTag(sealed.subarray(sealed.length - 16))
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8')
}

// ---- wx.requestPayment -----------------------------------------------------------------------

export interface RequestPaymentParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export const paySignMessage = (appId: string, timeStamp: string, nonceStr: string, pkg: string) =>
  `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`

/** What the mini-program passes to wx.requestPayment; appId must be the one used in prepay. */
export function requestPaymentParams(appId: string, prepayId: string, merchantKey: KeyObject, nowMs: number): RequestPaymentParams {
  const timeStamp = unixSeconds(nowMs)
  const nonceStr = randomAlphanumeric(32)
  const pkg = `prepay_id=${prepayId}`
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: rsaSign(paySignMessage(appId, timeStamp, nonceStr, pkg), merchantKey) }
}
