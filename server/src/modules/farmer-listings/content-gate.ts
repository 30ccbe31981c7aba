/**
 * The content check as the farmer side uses it: a user's texts → publish, hold for the
 * manager, or refuse. `risky` is a 422 with a plain Chinese message; when WeChat cannot
 * answer we hold the text for review rather than publish it unchecked.
 */
import { eq } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client'
import { users } from '../../db/schema'
import { AppError } from '../../http/errors'
import type { ContentCheck, ContentScene } from '../../wechat/content-check'
import { WechatApiError } from '../../wechat/login-client'

export type GateOutcome = 'pass' | 'review' | 'unavailable'

const CONTENT_RISKY_MESSAGE = '内容包含违规信息，请修改后再提交'

/** Profile-like text (资料): product listings and farmer profiles are what a seller says about themselves. */
const LISTING_SCENE: ContentScene = 1

function contentRisky(): AppError {
  return new AppError('CONTENT_RISKY', CONTENT_RISKY_MESSAGE)
}

export function createContentGate({ db, contentCheck, log }: { db: Db; contentCheck: ContentCheck; log: FastifyBaseLogger }) {
  return {
    /** Checks the texts as one piece of content; throws CONTENT_RISKY when WeChat says risky. */
    async check(userId: number, texts: readonly string[], title?: string): Promise<GateOutcome> {
      const content = texts.map((t) => t.trim()).filter(Boolean).join('\n')
      if (content === '') return 'pass'
      const [user] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, userId))
      if (!user) throw new Error(`user ${userId} not found`)
      try {
        const verdict = await contentCheck.checkText({ openid: user.openid, content, scene: LISTING_SCENE, title })
        if (verdict === 'risky') throw contentRisky()
        return verdict
      } catch (err) {
        if (!(err instanceof WechatApiError)) throw err
        log.warn({ errcode: err.errcode, userId }, 'content check unavailable; holding for review')
        return 'unavailable'
      }
    },
  }
}

export type ContentGate = ReturnType<typeof createContentGate>
