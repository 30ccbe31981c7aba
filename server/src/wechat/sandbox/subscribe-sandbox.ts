/**
 * The sandbox's subscribe-message send (wechat-protocols.md §3.2): one-time consents granted
 * per (openid, template) and used up by each send (43101 at zero), keyword rules (47003),
 * unknown templates (40037), and a switch to fail the next calls. Delivered messages are kept.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { SandboxAccessTokens } from './access-tokens'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const chars = (s: string) => Array.from(s).length
const HAN = /^[\u4e00-\u9fff]+$/
const DAY = '\\d{4}(?:年\\d{1,2}月\\d{1,2}日|-\\d{1,2}-\\d{1,2}|/\\d{1,2}/\\d{1,2})'
const CLOCK = '\\d{1,2}:\\d{2}(?::\\d{2})?'
const DATE = new RegExp(`^${DAY}(?: ${CLOCK})?(?:\\s*~\\s*(?:${DAY}(?: ${CLOCK})?|${CLOCK}))?$`)
const TIME = new RegExp(`^(?:${DAY} )?${CLOCK}(?:\\s*~\\s*(?:${DAY} )?${CLOCK})?$`)

/** The rule a keyword's value must meet, by the type its key starts with (thing1 → thing). */
const RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => v.length > 0 && chars(v) <= 20,
  number: (v) => /^\d+(\.\d+)?$/.test(v) && v.replace('.', '').length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => chars(v) <= 5 && /^[^A-Za-z0-9\u4e00-\u9fff\s]+$/.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  time: (v) => TIME.test(v),
  date: (v) => DATE.test(v),
  amount: (v) => /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[0-9+\-() ]{1,17}$/.test(v),
  car_number: (v) => v.length > 0 && chars(v) <= 8,
  name: (v) => (HAN.test(v) && chars(v) <= 10) || /^[A-Za-z ]{1,20}$/.test(v),
  phrase: (v) => HAN.test(v) && chars(v) <= 5,
  enum: (v) => v.length > 0,
}

export interface ReceivedMessage {
  at: number
  body: unknown
  errcode: number
}

const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg })

export class SubscribeSandbox {
  /** Every send received, oldest first, with the errcode it was answered. */
  readonly received: ReceivedMessage[] = []
  private readonly grants = new Map<string, number>()
  private readonly failures: number[] = []
  private readonly templates: Set<string>

  constructor(templates: Iterable<string>, private readonly now: () => number = Date.now) {
    this.templates = new Set(templates)
  }

  /** The user tapped "allow" `n` times for this template (one message each). */
  grant(openid: string, templateId: string, n = 1): void {
    const key = `${openid}\n${templateId}`
    this.grants.set(key, (this.grants.get(key) ?? 0) + n)
  }

  grantsLeft(openid: string, templateId: string): number {
    return this.grants.get(`${openid}\n${templateId}`) ?? 0
  }

  /** Test switch: the next `times` sends answer `errcode` (default -1, system busy) and deliver nothing. */
  failNext(times = 1, errcode = -1): void {
    for (let i = 0; i < times; i++) this.failures.push(errcode)
  }

  /** Test switch: forget the failures still armed. */
  clearFailures(): void {
    this.failures.length = 0
  }

  /** Messages WeChat delivered, optionally only to one user. */
  delivered(openid?: string): Json[] {
    return this.received
      .filter((r) => r.errcode === 0)
      .map((r) => r.body as Json)
      .filter((b) => openid === undefined || b.touser === openid)
  }

  send(body: unknown): { errcode: number; errmsg: string } {
    const answer = this.answer(body)
    this.received.push({ at: this.now(), body, errcode: answer.errcode })
    return answer
  }

  private answer(b: unknown): { errcode: number; errmsg: string } {
    const forced = this.failures.shift()
    if (forced !== undefined) return fail(forced, 'system error')
    if (!isObject(b)) return fail(47003, 'argument invalid!')
    if (typeof b.touser !== 'string' || b.touser === '') return fail(40003, 'invalid openid')
    if (typeof b.template_id !== 'string' || !this.templates.has(b.template_id)) return fail(40037, 'invalid template_id')
    if (b.page !== undefined && typeof b.page !== 'string') return fail(47003, 'argument invalid! page')
    if (b.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(b.miniprogram_state as string)) {
      return fail(47003, 'argument invalid! miniprogram_state')
    }
    const problem = this.dataProblem(b.data)
    if (problem) return fail(47003, `argument invalid! ${problem}`)
    const key = `${b.touser}\n${b.template_id}`
    const left = this.grants.get(key) ?? 0
    if (left <= 0) return fail(43101, 'user refuse to accept the msg')
    this.grants.set(key, left - 1)
    return { errcode: 0, errmsg: 'ok' }
  }

  private dataProblem(data: unknown): string | null {
    if (!isObject(data) || Object.keys(data).length === 0) return 'data'
    for (const [key, entry] of Object.entries(data)) {
      const type = /^([a-z_]+?)\d+$/.exec(key)?.[1]
      const rule = type ? RULES[type] : undefined
      if (!rule) return `data.${key} unknown keyword type`
      if (!isObject(entry) || typeof entry.value !== 'string' || !rule(entry.value)) return `data.${key}.value rule`
    }
    return null
  }
}

export const subscribeSandboxRoutes: FastifyPluginAsync<{ sandbox: SubscribeSandbox; accessTokens: SandboxAccessTokens }> = async (
  app,
  { sandbox, accessTokens },
) => {
  app.post<{ Querystring: { access_token?: string } }>(
    '/cgi-bin/message/subscribe/send',
    { schema: { tags: ['sandbox'], summary: 'Sandbox subscribe-message send (WeChat wire protocol)' } },
    async (request) => {
      const token = accessTokens.check(request.query.access_token)
      if (!('ok' in token)) return token
      return sandbox.send(request.body)
    },
  )

  // Demo stand-in for the buyer tapping "allow" in wx.requestSubscribeMessage (sandbox only).
  app.post<{ Body: { openid: string; templateId: string; n?: number } }>(
    '/dev/subscribe-grant',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Sandbox: grant one-time subscribe consents to an openid',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['openid', 'templateId'],
          properties: {
            openid: { type: 'string', minLength: 1, maxLength: 128 },
            templateId: { type: 'string', minLength: 1, maxLength: 128 },
            n: { type: 'integer', minimum: 1, maximum: 100 },
          },
        },
      },
    },
    async (request) => {
      sandbox.grant(request.body.openid, request.body.templateId, request.body.n ?? 1)
      return { left: sandbox.grantsLeft(request.body.openid, request.body.templateId) }
    },
  )
}
