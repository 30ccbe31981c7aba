/**
 * The sandbox's getStableAccessToken and the token check every consumer API runs first:
 * one current token per appid; unknown → 40001, expired → 42001 (wechat-protocols.md §1.3).
 * The current token is in the store, so a token one instance handed out works on every other.
 */
import crypto from 'node:crypto'
import { KIND, type SandboxStore } from './sandbox-store'

const TTL_MS = 7200_000

export type TokenCheck = { ok: true } | { errcode: number; errmsg: string }

interface CurrentToken {
  token: string
  expiresAt: number
}

export class SandboxAccessTokens {
  constructor(
    private readonly store: SandboxStore,
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** POST /cgi-bin/stable_token. Within validity the same token is returned (normal mode). */
  async stableToken(body: { grant_type?: unknown; appid?: unknown; secret?: unknown; force_refresh?: unknown }): Promise<Record<string, unknown>> {
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' }
    if (!body.appid) return { errcode: 41002, errmsg: 'appid missing' }
    if (!body.secret) return { errcode: 41004, errmsg: 'appsecret missing' }
    if (body.appid !== this.appId) return { errcode: 40013, errmsg: 'invalid appid' }
    if (body.secret !== this.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' }
    const now = this.now()
    const current = await this.store.update<CurrentToken, CurrentToken>(KIND.accessToken, this.appId, (held) => {
      if (held && body.force_refresh !== true && held.expiresAt > now) return { data: null, result: held }
      const fresh = { token: crypto.randomBytes(48).toString('base64url'), expiresAt: now + TTL_MS }
      return { data: fresh, result: fresh }
    })
    return { access_token: current.token, expires_in: Math.floor((current.expiresAt - now) / 1000) }
  }

  async check(token: unknown): Promise<TokenCheck> {
    if (typeof token !== 'string' || token === '') return { errcode: 41001, errmsg: 'access_token missing' }
    const current = await this.store.get<CurrentToken>(KIND.accessToken, this.appId)
    if (!current || token !== current.token) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    if (current.expiresAt <= this.now()) return { errcode: 42001, errmsg: 'access_token expired' }
    return { ok: true }
  }

  /** Test hook: the current token stops working, as when another fetcher forced a refresh. */
  async revoke(): Promise<void> {
    await this.store.remove(KIND.accessToken, this.appId)
  }
}
