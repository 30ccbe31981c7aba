/**
 * The sandbox's getStableAccessToken and the token check every consumer API runs first:
 * one current token per appid; unknown → 40001, expired → 42001 (wechat-protocols.md §1.3).
 */
import crypto from 'node:crypto'

const TTL_MS = 7200_000

export type TokenCheck = { ok: true } | { errcode: number; errmsg: string }

export class SandboxAccessTokens {
  private current: { token: string; expiresAt: number } | null = null

  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** POST /cgi-bin/stable_token. Within validity the same token is returned (normal mode). */
  stableToken(body: { grant_type?: unknown; appid?: unknown; secret?: unknown; force_refresh?: unknown }): Record<string, unknown> {
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' }
    if (!body.appid) return { errcode: 41002, errmsg: 'appid missing' }
    if (!body.secret) return { errcode: 41004, errmsg: 'appsecret missing' }
    if (body.appid !== this.appId) return { errcode: 40013, errmsg: 'invalid appid' }
    if (body.secret !== this.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' }
    const now = this.now()
    if (!this.current || body.force_refresh === true || this.current.expiresAt <= now) {
      this.current = { token: crypto.randomBytes(48).toString('base64url'), expiresAt: now + TTL_MS }
    }
    return { access_token: this.current.token, expires_in: Math.floor((this.current.expiresAt - now) / 1000) }
  }

  check(token: unknown): TokenCheck {
    if (typeof token !== 'string' || token === '') return { errcode: 41001, errmsg: 'access_token missing' }
    if (!this.current || token !== this.current.token) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    if (this.current.expiresAt <= this.now()) return { errcode: 42001, errmsg: 'access_token expired' }
    return { ok: true }
  }

  /** Test hook: the current token stops working, as when another fetcher forced a refresh. */
  revoke(): void {
    this.current = null
  }
}
