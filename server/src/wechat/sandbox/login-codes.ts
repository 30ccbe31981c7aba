/**
 * The sandbox's side of wx.login + code2Session (wechat-protocols.md §1.2):
 * single-use codes valid 5 minutes, bound to one appid; 40029 for unknown, expired or
 * wrong-appid codes, 40163 for a reused one, 40125 for a wrong secret, 45011 past
 * 100 exchanges per openid per minute; a switch makes the next exchange fail with -1 or 40226.
 * Codes, the per-openid counts and the switch are in the store, so a code issued by one
 * instance signs in through another. `issue()` stays synchronous (a test hook and the demo
 * login): it writes in the background, and this instance's next store operation waits for it.
 */
import crypto from 'node:crypto'
import { KIND, type SandboxStore } from './sandbox-store'

const CODE_TTL_MS = 5 * 60 * 1000
const PER_MINUTE_LIMIT = 100
const SWITCH = 'login:next-failure'
/** Codes are forgotten an hour after they were issued (long after they expired). */
const PRUNE_AFTER_MS = 3600_000

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
  constructor(
    private readonly store: SandboxStore,
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** What wx.login would hand the mini-program for this user (in the store once `issued()` resolves). */
  issue(openid: string): string {
    const code = crypto.randomBytes(16).toString('hex')
    const issued: IssuedCode = { openid, appId: this.appId, expiresAt: this.now() + CODE_TTL_MS, used: false }
    this.store.defer(async (s) => {
      await s.put(KIND.loginCode, code, issued)
      await s.prune(KIND.loginCode, PRUNE_AFTER_MS)
    })
    return code
  }

  /** issue(), once the code is in the store (what another instance must see). */
  async issued(openid: string): Promise<string> {
    const code = this.issue(openid)
    await this.store.flushed()
    return code
  }

  failNextExchange(errcode: -1 | 40226): void {
    this.store.defer((s) => s.put(KIND.switch, SWITCH, { errcode }))
  }

  async exchange(appid: string, secret: string, jsCode: string, grantType: string): Promise<Code2SessionReply> {
    const forced = await this.store.update<{ errcode: number | null }, number | null>(KIND.switch, SWITCH, (s) =>
      s?.errcode ? { data: { errcode: null }, result: s.errcode } : { data: null, result: null },
    )
    if (forced !== null) return forced === -1 ? fail(-1, 'system error') : fail(40226, 'code blocked')
    if (!appid) return fail(41002, 'appid missing')
    if (!secret) return fail(41004, 'appsecret missing')
    if (!jsCode) return fail(41008, 'missing code')
    if (grantType !== 'authorization_code') return fail(40002, 'invalid grant_type')
    if (appid !== this.appId) return fail(40013, 'invalid appid')
    if (secret !== this.appSecret) return fail(40125, 'invalid appsecret')
    const now = this.now()
    const issued = await this.store.get<IssuedCode>(KIND.loginCode, jsCode)
    if (!issued || issued.appId !== appid || issued.expiresAt <= now) return fail(40029, 'invalid code')
    if (issued.used) return fail(40163, 'code been used')
    if (!(await this.withinRate(issued.openid, now))) return fail(45011, 'api minute-quota reach limit mustslower retry next minute')
    const won = await this.store.update<IssuedCode, boolean>(KIND.loginCode, jsCode, (c) => (c && !c.used ? { data: { ...c, used: true }, result: true } : { data: null, result: false }))
    if (!won) return fail(40163, 'code been used')
    const sessionKey = crypto.createHash('sha256').update(`${this.appSecret}:${issued.openid}`).digest('base64').slice(0, 24)
    return { openid: issued.openid, session_key: sessionKey }
  }

  /** Counts this exchange for the openid, unless 100 happened in the last minute. */
  private withinRate(openid: string, now: number): Promise<boolean> {
    return this.store.update<{ at: number[] }, boolean>(KIND.loginRate, openid, (current) => {
      const recent = (current?.at ?? []).filter((t) => t > now - 60_000)
      if (recent.length >= PER_MINUTE_LIMIT) return { data: null, result: false }
      return { data: { at: [...recent, now] }, result: true }
    })
  }
}
