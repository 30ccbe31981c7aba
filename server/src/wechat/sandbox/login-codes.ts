/**
 * The sandbox's side of wx.login + code2Session (wechat-protocols.md §1.2):
 * single-use codes valid 5 minutes, bound to one appid; 40029 for unknown, expired or
 * wrong-appid codes, 40163 for a reused one, 40125 for a wrong secret, 45011 past
 * 100 exchanges per openid per minute; a switch makes the next exchange fail with -1 or 40226.
 */
import crypto from 'node:crypto'

const CODE_TTL_MS = 5 * 60 * 1000
const PER_MINUTE_LIMIT = 100

interface IssuedCode {
  openid: string
  appId: string
  expiresAt: number
  used: boolean
}

export type Code2SessionReply =
  | { openid: string; session_key: string }
  | { errcode: number; errmsg: string }

const rid = () => ` rid: ${crypto.randomBytes(6).toString('hex')}`
const fail = (errcode: number, errmsg: string): Code2SessionReply => ({ errcode, errmsg: errmsg + rid() })

export class SandboxLoginCodes {
  private codes = new Map<string, IssuedCode>()
  private exchanges = new Map<string, number[]>()
  private nextFailure: -1 | 40226 | null = null

  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** What wx.login would hand the mini-program for this user. */
  issue(openid: string): string {
    this.sweep()
    const code = crypto.randomBytes(16).toString('hex')
    this.codes.set(code, { openid, appId: this.appId, expiresAt: this.now() + CODE_TTL_MS, used: false })
    return code
  }

  failNextExchange(errcode: -1 | 40226): void {
    this.nextFailure = errcode
  }

  exchange(appid: string, secret: string, jsCode: string, grantType: string): Code2SessionReply {
    if (this.nextFailure !== null) {
      const code = this.nextFailure
      this.nextFailure = null
      return code === -1 ? fail(-1, 'system error') : fail(40226, 'code blocked')
    }
    if (!appid) return fail(41002, 'appid missing')
    if (!secret) return fail(41004, 'appsecret missing')
    if (!jsCode) return fail(41008, 'missing code')
    if (grantType !== 'authorization_code') return fail(40002, 'invalid grant_type')
    if (appid !== this.appId) return fail(40013, 'invalid appid')
    if (secret !== this.appSecret) return fail(40125, 'invalid appsecret')
    const issued = this.codes.get(jsCode)
    if (!issued || issued.appId !== appid || issued.expiresAt <= this.now()) return fail(40029, 'invalid code')
    if (issued.used) return fail(40163, 'code been used')
    if (!this.withinRate(issued.openid)) return fail(45011, 'api minute-quota reach limit mustslower retry next minute')
    issued.used = true
    const sessionKey = crypto.createHash('sha256').update(`${this.appSecret}:${issued.openid}`).digest('base64').slice(0, 24)
    return { openid: issued.openid, session_key: sessionKey }
  }

  private withinRate(openid: string): boolean {
    const cutoff = this.now() - 60_000
    const recent = (this.exchanges.get(openid) ?? []).filter((t) => t > cutoff)
    if (recent.length >= PER_MINUTE_LIMIT) return false
    recent.push(this.now())
    this.exchanges.set(openid, recent)
    return true
  }

  private sweep(): void {
    const now = this.now()
    for (const [code, issued] of this.codes) if (issued.expiresAt <= now - CODE_TTL_MS) this.codes.delete(code)
  }
}
