/**
 * The sandbox's msg_sec_check (wechat-protocols.md §4.1), mounted under /sandbox/wechat:
 * `POST /wxa/msg_sec_check?access_token=` with WeChat's wire format. Text containing a
 * configured risky word → `risky` (label 20006), a review word → `review` (label 21000),
 * anything else → `pass`. Errors come as HTTP 200 with an errcode, as WeChat sends them.
 * It keeps nothing between calls (the words are configuration); its two test hooks (`outage`,
 * `calls`) are JavaScript properties of this process's instance, as tests use them.
 */
import crypto from 'node:crypto'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { SandboxAccessTokens } from './access-tokens'

export const DEFAULT_RISKY_WORDS = ['违禁词', '赌博']
export const DEFAULT_REVIEW_WORDS = ['待审核']

const MAX_CHARS = 2500
const TEXT_FIELDS = ['content', 'title', 'nickname', 'signature'] as const

type Answer = Record<string, unknown>
const error = (errcode: number, errmsg: string): Answer => ({ errcode, errmsg })

export class SandboxContentCheck {
  /** Test hook: while set, every call answers with this errcode (e.g. -1 system error). */
  outage: number | null = null
  /** Test hook: how many checks were answered (errors included). */
  calls = 0

  constructor(
    readonly riskyWords: readonly string[] = DEFAULT_RISKY_WORDS,
    readonly reviewWords: readonly string[] = DEFAULT_REVIEW_WORDS,
  ) {}

  private hit(texts: string[], words: readonly string[]): string | undefined {
    return words.find((w) => w !== '' && texts.some((t) => t.includes(w)))
  }

  /** Answers one request whose token already passed; `raw` is the request body as text. */
  answer(raw: string): Answer {
    this.calls++
    if (this.outage !== null) return error(this.outage, 'system error')
    if (raw.trim() === '') return error(44002, 'empty post data')
    let body: Record<string, unknown>
    try {
      body = JSON.parse(raw) as Record<string, unknown>
    } catch {
      return error(47001, 'data format error')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(47001, 'data format error')
    const content = body.content
    if (typeof content !== 'string' || content === '') return error(44002, 'empty content')
    if (Array.from(content).length > MAX_CHARS) return error(40097, 'invalid args: content longer than 2500 characters')
    const texts = TEXT_FIELDS.map((f) => body[f]).filter((v): v is string => typeof v === 'string')
    const risky = this.hit(texts, this.riskyWords)
    if (body.version !== 2) return risky ? error(87014, 'risky content') : error(0, 'ok') // v1 semantics
    if (typeof body.openid !== 'string' || body.openid === '') return error(40003, 'invalid openid')
    if (!Number.isInteger(body.scene) || (body.scene as number) < 1 || (body.scene as number) > 4) return error(40129, 'invalid scene')
    const review = risky ? undefined : this.hit(texts, this.reviewWords)
    const suggest = risky ? 'risky' : review ? 'review' : 'pass'
    const label = risky ? 20006 : review ? 21000 : 100
    return {
      errcode: 0,
      errmsg: 'ok',
      trace_id: `${Date.now().toString(16)}-${crypto.randomBytes(6).toString('hex')}`,
      result: { suggest, label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: review ? 'review' : 'pass', label: review ? 21000 : 100, prob: 90 },
        { strategy: 'keyword', errcode: 0, suggest: risky ? 'risky' : 'pass', label, level: risky ? 20 : 0, ...(risky ? { keyword: risky } : {}) },
      ],
    }
  }
}

/** Each app's sandbox content check, for tests (switch outages on, count calls). */
const instances = new WeakMap<FastifyInstance, SandboxContentCheck>()

export function contentCheckSandboxOf(app: FastifyInstance): SandboxContentCheck | undefined {
  return instances.get(app)
}

export function attachContentCheckSandbox(app: FastifyInstance, sandbox: SandboxContentCheck): void {
  instances.set(app, sandbox)
}

/** Its own plugin: the body is read as text so malformed JSON gets WeChat's 47001, not our error shape. */
export const contentCheckSandboxRoutes: FastifyPluginAsync<{ sandbox: SandboxContentCheck; accessTokens: SandboxAccessTokens }> = async (
  app,
  { sandbox, accessTokens },
) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body))

  const token = (query: unknown) => (query as { access_token?: unknown }).access_token
  app.post('/wxa/msg_sec_check', { schema: { hide: true } }, async (request) => {
    const tokenCheck = await accessTokens.check(token(request.query))
    if (!('ok' in tokenCheck)) return tokenCheck
    return sandbox.answer(typeof request.body === 'string' ? request.body : '')
  })
  app.get('/wxa/msg_sec_check', { schema: { hide: true } }, async () => error(43002, 'require POST method'))
}
