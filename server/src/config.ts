/**
 * Every environment variable the server reads, in one place, validated at start.
 * A wrong value stops the server with a message that names the variable.
 */
import path from 'node:path'

export type WechatMode = 'sandbox' | 'live'

export interface Config {
  nodeEnv: string
  host: string
  port: number
  /** Public base URL of this server, used in links handed to clients (demo login, images). */
  publicUrl: string
  dataDir: string
  databaseUrl: string | null
  logLevel: string
  sessionTtlDays: number
  seedDemoData: boolean
  wechat: {
    mode: WechatMode
    appId: string
    appSecret: string
    /** Base URL of api.weixin.qq.com; null means this server's own sandbox, reached over loopback. */
    apiBaseUrl: string | null
  }
  h5Dir: string
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
  const databaseUrl = env.DATABASE_URL ? url(env, 'DATABASE_URL', '', ['postgres:', 'postgresql:']) : null
  return {
    nodeEnv,
    host,
    port,
    publicUrl,
    dataDir: path.resolve(cwd, str(env, 'XIANGJI_DATA_DIR', 'data')),
    databaseUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 30, 1, 365),
    seedDemoData: bool(env, 'SEED_DEMO_DATA', mode === 'sandbox'),
    wechat: { mode, appId, appSecret, apiBaseUrl },
    h5Dir: path.resolve(cwd, str(env, 'XIANGJI_H5_DIR', 'dist/h5')),
  }
}
