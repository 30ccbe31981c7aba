/**
 * The sandbox's subscribe-message send (wechat-protocols.md §3.2): one-time consents granted
 * per (openid, template) and used up by each send (43101 at zero), keyword rules (47003),
 * unknown templates (40037), and a switch to fail the next calls. Delivered messages are kept.
 * Consents, messages and the switch are in the store (every instance sees the same WeChat);
 * `grant`, `failNext` and `clearFailures` are synchronous test hooks that write in the
 * background (this instance's next send waits for them; the HTTP grant answers once stored).
 */
import crypto from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { SandboxAccessTokens } from './access-tokens'
import { KIND, type SandboxStore } from './sandbox-store'

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
type Answer = { errcode: number; errmsg: string }

const SWITCH = 'subscribe:failures'
const grantId = (openid: string, templateId: string) => `${openid}\n${templateId}`
/** A send as stored: the body as JSON text (it may hold what jsonb refuses). */
interface StoredMessage {
  at: number
  body: string
  errcode: number
}

export class SubscribeSandbox {
  private readonly templates: Set<string>

  constructor(
    private readonly store: SandboxStore,
    templates: Iterable<string>,
    private readonly now: () => number = Date.now,
  ) {
    this.templates = new Set(templates)
  }

  /** The user tapped "allow" `n` times for this template (one message each). */
  grant(openid: string, templateId: string, n = 1): void {
    this.store.defer((s) => s.update<{ left: number }>(KIND.subscribeGrant, grantId(openid, templateId), (g) => ({ left: (g?.left ?? 0) + n })))
  }

  async grantsLeft(openid: string, templateId: string): Promise<number> {
    return (await this.store.get<{ left: number }>(KIND.subscribeGrant, grantId(openid, templateId)))?.left ?? 0
  }

  /** Test switch: the next `times` sends answer `errcode` (default -1, system busy) and deliver nothing. */
  failNext(times = 1, errcode = -1): void {
    this.store.defer((s) => s.update<{ codes: number[] }>(KIND.switch, SWITCH, (c) => ({ codes: [...(c?.codes ?? []), ...Array<number>(times).fill(errcode)] })))
  }

  /** Test switch: forget the failures still armed. */
  clearFailures(): void {
    this.store.defer((s) => s.put(KIND.switch, SWITCH, { codes: [] }))
  }

  /** Every send received (by any instance), oldest first, with the errcode it was answered. */
  async received(): Promise<ReceivedMessage[]> {
    const rows = await this.store.list<StoredMessage>(KIND.message)
    return rows.map(({ data }) => ({ at: data.at, body: JSON.parse(data.body) as unknown, errcode: data.errcode }))
  }

  /** Messages WeChat delivered, optionally only to one user. */
  async delivered(openid?: string): Promise<Json[]> {
    return (await this.received())
      .filter((r) => r.errcode === 0)
      .map((r) => r.body as Json)
      .filter((b) => openid === undefined || b.touser === openid)
  }

  async send(body: unknown): Promise<Answer> {
    const answer = await this.answer(body)
    const stored: StoredMessage = { at: this.now(), body: JSON.stringify(body ?? null), errcode: answer.errcode }
    await this.store.put(KIND.message, crypto.randomUUID(), stored)
    return answer
  }

  private async answer(b: unknown): Promise<Answer> {
    const forced = await this.store.update<{ codes: number[] }, number | undefined>(KIND.switch, SWITCH, (c) =>
      c && c.codes.length > 0 ? { data: { codes: c.codes.slice(1) }, result: c.codes[0] } : { data: null, result: undefined },
    )
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
    // One consent spent per message, under the consent's row lock.
    return this.store.update<{ left: number }, Answer>(KIND.subscribeGrant, grantId(b.touser, b.template_id), (g) =>
      (g?.left ?? 0) <= 0 ? { data: null, result: fail(43101, 'user refuse to accept the msg') } : { data: { left: g!.left - 1 }, result: { errcode: 0, errmsg: 'ok' } },
    )
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
      const token = await accessTokens.check(request.query.access_token)
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
      return { left: await sandbox.grantsLeft(request.body.openid, request.body.templateId) }
    },
  )
}
