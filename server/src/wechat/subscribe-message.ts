/**
 * Subscribe messages, `subscribe/send` (wechat-protocols.md §3.2), over the central
 * access_token client. 43101 (the user has no consent left) is a normal answer, not a failure.
 */
import { chinaWallClock } from '@domain/china-time'
import type { AccessTokens } from './access-token'
import { WechatApiError } from './login-client'

export const SUBSCRIBE_SEND_PATH = '/cgi-bin/message/subscribe/send'

export interface SubscribeMessage {
  touser: string
  template_id: string
  /** A page of this mini-program, no leading slash, query allowed. */
  page?: string
  miniprogram_state?: 'developer' | 'trial' | 'formal'
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW'
  data: Record<string, { value: string }>
}

/** System busy, concurrent sends to one user, token trouble: try again later. */
const RETRY = new Set([-1, 43108, 40001, 40014, 41001, 42001, 45009, 45011])

export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'no_consent'; errcode: 43101 }
  | { kind: 'retry'; errcode: number; message: string }
  | { kind: 'rejected'; errcode: number; message: string }

export function createSubscribeMessageClient(accessTokens: Pick<AccessTokens, 'post'>) {
  return {
    async send(message: SubscribeMessage): Promise<SendOutcome> {
      try {
        await accessTokens.post(SUBSCRIBE_SEND_PATH, message)
        return { kind: 'sent' }
      } catch (err) {
        const errcode = err instanceof WechatApiError ? err.errcode : -1
        const text = (err as Error).message
        if (errcode === 43101) return { kind: 'no_consent', errcode }
        if (RETRY.has(errcode)) return { kind: 'retry', errcode, message: text }
        return { kind: 'rejected', errcode, message: text }
      }
    },
  }
}

export type SubscribeMessageClient = ReturnType<typeof createSubscribeMessageClient>

/** Cuts a keyword value to `max` characters, ending with "…" when it was longer. */
export function fitKeyword(value: string, max: number): string {
  const chars = Array.from(value.trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** A `date` keyword in China time: "2026年11月28日 14:05". */
export function chinaDateKeyword(at: Date): string {
  const t = chinaWallClock(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}
