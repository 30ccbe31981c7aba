/**
 * Text content check through msg_sec_check v2 (wechat-protocols.md §4.1).
 * The verdict is `result.suggest`; errcode 0 only means the call worked. Anything else
 * (bad token after one retry, 61010 user not seen in 2 h, limits, unreachable) throws
 * WechatApiError, and the caller decides what "could not check" means (we hold for review).
 */
import type { AccessTokens } from './access-token'
import { WechatApiError } from './login-client'

export type ContentVerdict = 'pass' | 'review' | 'risky'

/** 1 资料 (profile), 2 评论 (comment), 3 论坛 (forum), 4 社交日志 (social log). */
export type ContentScene = 1 | 2 | 3 | 4

export const CONTENT_MAX_CHARS = 2500

/** v1's "risky" errcode; v2 should not send it, but if it does it means the same. */
const V1_RISKY = 87014

export interface CheckTextInput {
  openid: string
  content: string
  scene: ContentScene
  /** Optional title (e.g. the product name), checked with the content. */
  title?: string
}

const RANK: Record<ContentVerdict, number> = { pass: 0, review: 1, risky: 2 }

/** Splits text into ≤ 2500-character pieces (by code point, never inside a surrogate pair). */
export function chunkContent(content: string, max = CONTENT_MAX_CHARS): string[] {
  const chars = Array.from(content)
  const chunks: string[] = []
  for (let i = 0; i < chars.length; i += max) chunks.push(chars.slice(i, i + max).join(''))
  return chunks.length > 0 ? chunks : ['']
}

function verdictOf(body: Record<string, unknown>): ContentVerdict {
  const suggest = (body.result as { suggest?: unknown } | undefined)?.suggest
  if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest
  throw new WechatApiError(-1, 'msg_sec_check answered without result.suggest')
}

export function createContentCheck(accessTokens: Pick<AccessTokens, 'post'>) {
  async function checkOne(input: CheckTextInput, content: string): Promise<ContentVerdict> {
    try {
      const body = await accessTokens.post('/wxa/msg_sec_check', {
        content,
        version: 2,
        scene: input.scene,
        openid: input.openid,
        ...(input.title ? { title: input.title } : {}),
      })
      return verdictOf(body)
    } catch (err) {
      if (err instanceof WechatApiError && err.errcode === V1_RISKY) return 'risky'
      throw err
    }
  }

  return {
    /** The strictest verdict over the whole text (long text is checked in pieces). */
    async checkText(input: CheckTextInput): Promise<ContentVerdict> {
      let worst: ContentVerdict = 'pass'
      for (const piece of chunkContent(input.content)) {
        const verdict = await checkOne(input, piece)
        if (RANK[verdict] > RANK[worst]) worst = verdict
        if (worst === 'risky') break
      }
      return worst
    },
  }
}

export type ContentCheck = ReturnType<typeof createContentCheck>
