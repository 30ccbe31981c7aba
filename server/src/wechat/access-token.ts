/**
 * The mini-program's access_token through getStableAccessToken (wechat-protocols.md §1.3):
 * one central fetcher, cached until five minutes before expiry, refreshed once when a consumer
 * API says the token is bad (40001 / 40014 / 42001 / 41001).
 */
import { WechatApiError } from './login-client'

const REFRESH_MARGIN_MS = 5 * 60_000
const BAD_TOKEN = new Set([40001, 40014, 42001, 41001])

export interface AccessTokenOptions {
  baseUrl: () => string
  appId: string
  appSecret: string
  fetchImpl?: typeof fetch
  now?: () => number
  timeoutMs?: number
}

/** Reads a WeChat JSON answer; errcode 0 or absent is success. */
export async function wechatJson(res: Response): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0
  if (errcode !== 0) throw new WechatApiError(errcode, String(body.errmsg ?? ''))
  return body
}

export function createAccessTokens(opts: AccessTokenOptions) {
  const doFetch = opts.fetchImpl ?? fetch
  const now = opts.now ?? Date.now
  let cached: { token: string; refreshAt: number } | null = null
  let inflight: Promise<string> | null = null

  async function fetchToken(): Promise<string> {
    let body: Record<string, unknown>
    try {
      const res = await doFetch(`${opts.baseUrl()}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: opts.appId, secret: opts.appSecret, force_refresh: false }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
      })
      body = await wechatJson(res)
    } catch (err) {
      if (err instanceof WechatApiError) throw err
      throw new WechatApiError(-1, `unreachable: ${(err as Error).message}`)
    }
    const token = String(body.access_token ?? '')
    const expiresIn = Number(body.expires_in ?? 0)
    if (!token || !Number.isFinite(expiresIn)) throw new WechatApiError(-1, 'malformed stable_token answer')
    cached = { token, refreshAt: now() + Math.max(0, expiresIn * 1000 - REFRESH_MARGIN_MS) }
    return token
  }

  async function current(): Promise<string> {
    if (cached && now() < cached.refreshAt) return cached.token
    inflight ??= fetchToken().finally(() => (inflight = null))
    return inflight
  }

  return {
    current,
    /**
     * Calls a consumer API (`POST <path>?access_token=…` with a JSON body) and returns its JSON;
     * on a bad-token errcode it drops the cached token and tries once more.
     */
    async post(path: string, payload: object): Promise<Record<string, unknown>> {
      for (let attempt = 0; ; attempt++) {
        const token = await current()
        try {
          const res = await doFetch(`${opts.baseUrl()}${path}?access_token=${encodeURIComponent(token)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(payload),
            signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
          })
          return await wechatJson(res)
        } catch (err) {
          if (err instanceof WechatApiError && BAD_TOKEN.has(err.errcode) && attempt === 0) {
            cached = null
            continue
          }
          if (err instanceof WechatApiError) throw err
          throw new WechatApiError(-1, `unreachable: ${(err as Error).message}`)
        }
      }
    },
  }
}

export type AccessTokens = ReturnType<typeof createAccessTokens>
