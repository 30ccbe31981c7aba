/**
 * Every environment variable the server reads, in one place, validated at start.
 * A wrong value stops the server with a message that names the variable.
 */
import crypto, { type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

export type WechatMode = 'sandbox' | 'live'
/** Who answers a parcel's trail: the sandbox courier, or nobody (the trail says 暂无物流信息). */
export type TrackingProviderKind = 'sandbox' | 'none'
/** `database`: every instance on one PostgreSQL serves every photo; `folder`: this instance's data dir only. */
export type MediaStoreKind = 'database' | 'folder'
/** The rate-limited route families (http/rate-limits.ts); each limit is requests per minute. */
export type RateLimitKind = 'login' | 'demoLogin' | 'uploads' | 'orders' | 'notify'

export interface Config {
  nodeEnv: string
  host: string
  port: number
  /** Public base URL of this server, used in links handed to clients (demo login, images). */
  publicUrl: string
  dataDir: string
  databaseUrl: string | null
  /** Where uploaded photos are stored (MEDIA_STORE): the media_files table, or files under <dataDir>/media. */
  mediaStore: MediaStoreKind
  logLevel: string
  sessionTtlDays: number
  seedDemoData: boolean
  wechat: {
    mode: WechatMode
    appId: string
    appSecret: string
    /** Base URL of api.weixin.qq.com; null means this server's own sandbox, reached over loopback. */
    apiBaseUrl: string | null
    /** Subscribe-message template for "order shipped" (wechat-protocols.md §3). */
    templateOrderShipped: string
  }
  h5Dir: string
  /** WeChat Pay API v3 (direct merchant, public-key mode); null in sandbox mode, whose credentials are generated at start. */
  wechatPay: WechatPayConfig | null
  /** How long a buyer has to pay after checking out, in minutes. */
  payWindowMinutes: number
  /** The parcel-tracking provider (TRACKING_PROVIDER): sandbox by default in sandbox mode, else none. */
  trackingProvider: TrackingProviderKind
  /** Sandbox msg_sec_check: text containing one of these words is `risky` (SANDBOX_RISKY_WORDS). */
  sandboxRiskyWords: string[]
  /** Sandbox msg_sec_check: text containing one of these words is `review` (SANDBOX_REVIEW_WORDS). */
  sandboxReviewWords: string[]
  /** Fastify's trustProxy (TRUST_PROXY): off, every proxy, a hop count, or the proxies' addresses. */
  trustProxy: boolean | number | string[]
  /** Requests per minute per IP or user for each limited route family; null with RATE_LIMITS=off. */
  rateLimits: Record<RateLimitKind, number> | null
  /** Redis shared by every instance for the rate-limit counters (REDIS_URL); null: per process. */
  redisUrl: string | null
  /** Prefix of every key this server writes in Redis (REDIS_KEY_PREFIX). */
  redisKeyPrefix: string
}

export interface WechatPayConfig {
  mchid: string
  /** Serial of the merchant API certificate, upper-case hex (sent as serial_no). */
  merchantSerial: string
  /** apiclient_key.pem, parsed. */
  merchantPrivateKey: KeyObject
  apiV3Key: string
  /** The WeChat Pay public key, parsed; verifies answers and notifications. */
  publicKey: KeyObject
  /** PUB_KEY_ID_…: sent and expected as Wechatpay-Serial. */
  publicKeyId: string
  /** Base URL of the WeChat Pay API, https://api.mch.weixin.qq.com by default. */
  apiBaseUrl: string
  /** Public https base URL of this server; notifications go to …/api/v1/payments/wechat/notify and …/api/v1/refunds/wechat/notify. */
  notifyBaseUrl: string
}

export class ConfigError extends Error {
  constructor(public readonly variable: string, message: string) {
    super(`${variable}: ${message}`)
  }
}

type Env = Record<string, string | undefined>

function str(env: Env, name: string, fallback: string): string {
  const v = env[name]
  if (v === undefined || v === '') return fallback
  if (v.length > 2048) throw new ConfigError(name, 'is longer than 2048 characters')
  return v
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`)
  const n = Number(raw)
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`)
  return n
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes'].includes(raw)) return true
  if (['0', 'false', 'no'].includes(raw)) return false
  throw new ConfigError(name, `must be true or false, got "${raw}"`)
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`)
  }
  return raw as T
}

/** A comma-separated list of words (full- or half-width commas), each 1–20 characters, at most 50. */
function words(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const list = raw.split(/[,，]/).map((w) => w.trim()).filter(Boolean)
  if (list.length === 0 || list.length > 50) throw new ConfigError(name, `must list 1 to 50 comma-separated words, got "${raw}"`)
  const long = list.find((w) => Array.from(w).length > 20)
  if (long) throw new ConfigError(name, `words must be at most 20 characters, got "${long}"`)
  return list
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = str(env, name, fallback)
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(name, `is not a valid URL: "${raw}"`)
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`)
  }
  return raw.replace(/\/+$/, '')
}

function pemFile(env: Env, name: string, kind: 'private' | 'public', cwd: string): KeyObject {
  const file = str(env, name, '')
  if (!file) throw new ConfigError(name, `must name a PEM file in live mode`)
  let pem: string
  try {
    pem = fs.readFileSync(path.resolve(cwd, file), 'utf8')
  } catch (err) {
    throw new ConfigError(name, `cannot read "${file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  try {
    if (kind === 'public' && !pem.includes('-----BEGIN PUBLIC KEY-----')) throw new Error('no public key')
    const key = kind === 'private' ? crypto.createPrivateKey(pem) : crypto.createPublicKey(pem)
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA')
    return key
  } catch {
    throw new ConfigError(name, kind === 'private'
      ? `"${file}" is not a PEM RSA private key (apiclient_key.pem, PKCS#8)`
      : `"${file}" is not a PEM RSA public key (-----BEGIN PUBLIC KEY-----)`)
  }
}

function wechatPayConfig(env: Env, mode: WechatMode, cwd: string): WechatPayConfig | null {
  if (mode === 'sandbox') return null
  const mchid = str(env, 'WECHATPAY_MCHID', '')
  if (!/^\d{8,12}$/.test(mchid)) throw new ConfigError('WECHATPAY_MCHID', 'must be the WeChat Pay merchant number (digits) in live mode')
  const serial = str(env, 'WECHATPAY_MERCHANT_SERIAL', '')
  if (!/^[0-9A-Fa-f]{16,64}$/.test(serial)) {
    throw new ConfigError('WECHATPAY_MERCHANT_SERIAL', 'must be the merchant API certificate serial number (hex) in live mode')
  }
  const merchantPrivateKey = pemFile(env, 'WECHATPAY_MERCHANT_KEY_PATH', 'private', cwd)
  const apiV3Key = env.WECHATPAY_APIV3_KEY ?? ''
  if (!/^[\x21-\x7e]{32}$/.test(apiV3Key)) throw new ConfigError('WECHATPAY_APIV3_KEY', 'must be the 32-character APIv3 key in live mode')
  const publicKey = pemFile(env, 'WECHATPAY_PUBLIC_KEY_PATH', 'public', cwd)
  const publicKeyId = str(env, 'WECHATPAY_PUBLIC_KEY_ID', '')
  if (!/^PUB_KEY_ID_[0-9A-Za-z]+$/.test(publicKeyId)) throw new ConfigError('WECHATPAY_PUBLIC_KEY_ID', 'must look like PUB_KEY_ID_0114… in live mode')
  if (!env.WECHATPAY_NOTIFY_BASE_URL) throw new ConfigError('WECHATPAY_NOTIFY_BASE_URL', 'must be set to this server\'s public https URL in live mode')
  const notifyBaseUrl = url(env, 'WECHATPAY_NOTIFY_BASE_URL', '', ['https:'])
  if (/[?#]/.test(notifyBaseUrl)) throw new ConfigError('WECHATPAY_NOTIFY_BASE_URL', 'must not carry a query or fragment')
  return {
    mchid,
    merchantSerial: serial.toUpperCase(),
    merchantPrivateKey,
    apiV3Key,
    publicKey,
    publicKeyId,
    apiBaseUrl: url(env, 'WECHATPAY_API_BASE_URL', 'https://api.mch.weixin.qq.com', ['http:', 'https:']),
    notifyBaseUrl,
  }
}

/** Per-minute limits: per IP for sign-in, demo login and notices; per signed-in user for uploads and placements. */
export const RATE_LIMIT_DEFAULTS: Record<RateLimitKind, { variable: string; perMinute: number }> = {
  login: { variable: 'RATE_LIMIT_LOGIN_PER_MIN', perMinute: 20 },
  demoLogin: { variable: 'RATE_LIMIT_DEMO_LOGIN_PER_MIN', perMinute: 20 },
  uploads: { variable: 'RATE_LIMIT_UPLOADS_PER_MIN', perMinute: 30 },
  orders: { variable: 'RATE_LIMIT_ORDERS_PER_MIN', perMinute: 20 },
  // Loose: a notice refused with 429 is only delayed, WeChat Pay retries it (15 s, 15 s, 30 s, 3 min, …).
  notify: { variable: 'RATE_LIMIT_NOTIFY_PER_MIN', perMinute: 120 },
}
/** Under NODE_ENV=test the defaults sit far above any test's burst; a test of the limits sets its own. */
const TEST_RATE_LIMIT = 100_000

function rateLimits(env: Env, nodeEnv: string): Record<RateLimitKind, number> | null {
  if (oneOf(env, 'RATE_LIMITS', ['on', 'off'], 'on') === 'off') return null
  const entries = Object.entries(RATE_LIMIT_DEFAULTS).map(([kind, { variable, perMinute }]) => [
    kind,
    int(env, variable, nodeEnv === 'test' ? TEST_RATE_LIMIT : perMinute, 1, 1_000_000),
  ])
  return Object.fromEntries(entries) as Record<RateLimitKind, number>
}

function redisKeyPrefix(env: Env): string {
  const prefix = str(env, 'REDIS_KEY_PREFIX', 'xiangji:')
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(prefix)) throw new ConfigError('REDIS_KEY_PREFIX', `must be 1–64 letters, digits or :_.-, got "${prefix}"`)
  return prefix
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal']
const isProxyAddress = (a: string) => {
  const [ip, bits, ...rest] = a.split('/')
  const family = net.isIP(ip)
  if (PROXY_NAMES.includes(a)) return true
  if (!family || rest.length > 0) return false
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
}

/** false | true | a hop count (1–10) | comma-separated proxy addresses or CIDRs (and loopback, linklocal, uniquelocal). */
function trustProxy(env: Env): boolean | number | string[] {
  const raw = str(env, 'TRUST_PROXY', 'false').trim()
  if (raw === 'false') return false
  if (raw === 'true') return true
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 1, 10)
  const list = raw.split(',').map((a) => a.trim()).filter(Boolean)
  const bad = list.find((a) => !isProxyAddress(a))
  if (bad !== undefined || list.length === 0) {
    throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count or the proxies' addresses (IP or CIDR, comma-separated), got "${bad ?? raw}"`)
  }
  return list
}

const LOOPBACK_HOSTS = ['localhost', '::1', '[::1]']

/** A warning when the sandbox (its demo login signs anyone in) listens beyond this machine; null otherwise. */
export function sandboxExposureWarning(config: Pick<Config, 'host' | 'wechat'>): string | null {
  if (config.wechat.mode !== 'sandbox') return null
  const host = config.host.toLowerCase()
  if (LOOPBACK_HOSTS.includes(host) || (net.isIPv4(host) && host.startsWith('127.'))) return null
  return (
    `WECHAT_MODE=sandbox is listening on ${config.host}, beyond this machine: anyone who can reach it can sign in ` +
    `as a demo persona and "pay" with the sandbox. Set HOST=127.0.0.1 for a demo, or WECHAT_MODE=live with real credentials.`
  )
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'], 'development')
  const port = int(env, 'PORT', 3000, 0, 65535)
  const host = str(env, 'HOST', '0.0.0.0')
  const publicUrl = url(env, 'PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:'])
  const mode = oneOf(env, 'WECHAT_MODE', ['sandbox', 'live'] as const, 'sandbox')
  if (mode === 'sandbox' && nodeEnv === 'production') {
    throw new ConfigError('WECHAT_MODE', 'sandbox mode is refused when NODE_ENV=production; set WECHAT_MODE=live with real credentials')
  }
  const appId = str(env, 'WECHAT_APPID', mode === 'sandbox' ? 'wxsandbox0000000001' : '')
  const appSecret = str(env, 'WECHAT_SECRET', mode === 'sandbox' ? 'sandbox-secret' : '')
  if (mode === 'live') {
    if (!/^wx[0-9a-f]{16}$/.test(appId)) throw new ConfigError('WECHAT_APPID', 'must be a mini-program appid like wx0123456789abcdef in live mode')
    if (appSecret.length < 16) throw new ConfigError('WECHAT_SECRET', 'must be set to the mini-program AppSecret in live mode')
  }
  const apiBaseUrl = env.WECHAT_API_BASE_URL || mode === 'live'
    ? url(env, 'WECHAT_API_BASE_URL', 'https://api.weixin.qq.com', ['http:', 'https:'])
    : null
  const trackingProvider = oneOf(env, 'TRACKING_PROVIDER', ['sandbox', 'none'] as const, mode === 'sandbox' ? 'sandbox' : 'none')
  if (trackingProvider === 'sandbox' && nodeEnv === 'production') {
    throw new ConfigError('TRACKING_PROVIDER', 'the sandbox courier is refused when NODE_ENV=production (it would show buyers made-up trails); set TRACKING_PROVIDER=none')
  }
  const databaseUrl = env.DATABASE_URL ? url(env, 'DATABASE_URL', '', ['postgres:', 'postgresql:']) : null
  return {
    nodeEnv,
    host,
    port,
    publicUrl,
    dataDir: path.resolve(cwd, str(env, 'XIANGJI_DATA_DIR', 'data')),
    databaseUrl,
    mediaStore: oneOf(env, 'MEDIA_STORE', ['database', 'folder'] as const, databaseUrl ? 'database' : 'folder'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 30, 1, 365),
    seedDemoData: bool(env, 'SEED_DEMO_DATA', mode === 'sandbox'),
    wechat: {
      mode,
      appId,
      appSecret,
      apiBaseUrl,
      templateOrderShipped: str(env, 'WECHAT_TEMPLATE_ORDER_SHIPPED', mode === 'sandbox' ? 'sandbox-order-shipped' : ''),
    },
    h5Dir: path.resolve(cwd, str(env, 'XIANGJI_H5_DIR', 'dist/h5')),
    wechatPay: wechatPayConfig(env, mode, cwd),
    payWindowMinutes: int(env, 'PAY_WINDOW_MINUTES', 30, 1, 1440),
    trackingProvider,
    sandboxRiskyWords: words(env, 'SANDBOX_RISKY_WORDS', ['违禁词', '赌博']),
    sandboxReviewWords: words(env, 'SANDBOX_REVIEW_WORDS', ['待审核']),
    trustProxy: trustProxy(env),
    rateLimits: rateLimits(env, nodeEnv),
    redisUrl: env.REDIS_URL ? url(env, 'REDIS_URL', '', ['redis:', 'rediss:']) : null,
    redisKeyPrefix: redisKeyPrefix(env),
  }
}
