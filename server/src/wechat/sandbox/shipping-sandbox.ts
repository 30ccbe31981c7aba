/**
 * The sandbox's order shipping info management (wechat-protocols.md §6.1), per WeChat Pay
 * transaction: field rules and their errcodes, the payment and its payer, split delivery,
 * the one re-ship, 10060023 for an identical re-upload, and a switch to fail the next calls.
 * Every request is kept (`received()`) so tests can count what WeChat really accepted. What it
 * was told per transaction, the requests and the switch are in the store: every instance sees
 * the same shipping picture. `failNext` / `clearFailures` are synchronous test hooks that write
 * in the background (this instance's next upload waits for them).
 */
import crypto from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { SandboxAccessTokens } from './access-tokens'
import { KIND, type SandboxStore } from './sandbox-store'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0
const bytes = (s: string) => Buffer.byteLength(s, 'utf8')
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
/** Masked as §6.1 demands: some digits hidden by *, the last four shown. */
const MASKED = /^[+0-9-]*\*+\d{4}$/

/** What WeChat Pay knows of the payment an order key names; undefined when it cannot tell. */
export type PaymentLookup = (key: { mchid?: string; outTradeNo?: string; transactionId?: string }) => Promise<{ payerOpenid: string } | null | undefined>

export interface ReceivedUpload {
  at: number
  body: unknown
  errcode: number
}

interface TradeShipping {
  content: string
  uploadTime: number
  completed: boolean
  reshipped: boolean
  shippingList: Json[]
}

const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg })
type Answer = { errcode: number; errmsg: string }

/** The armed failures, consumed one per upload. */
const SWITCH = 'shipping:failures'
/** A request as stored: the body as JSON text (it may hold what jsonb refuses). */
interface StoredUpload {
  at: number
  body: string
  errcode: number
}

export class ShippingSandbox {
  constructor(private readonly opts: { store: SandboxStore; now: () => number; lookupPayment?: PaymentLookup }) {}

  /** Test switch: the next `times` uploads answer `errcode` (default 10060001, payment not ingested yet). */
  failNext(times = 1, errcode = 10060001): void {
    this.opts.store.defer((s) => s.update<{ codes: number[] }>(KIND.switch, SWITCH, (c) => ({ codes: [...(c?.codes ?? []), ...Array<number>(times).fill(errcode)] })))
  }

  /** Test switch: forget the failures still armed. */
  clearFailures(): void {
    this.opts.store.defer((s) => s.put(KIND.switch, SWITCH, { codes: [] }))
  }

  /** Every upload received (by any instance), oldest first, with the errcode it was answered. */
  async received(): Promise<ReceivedUpload[]> {
    const rows = await this.opts.store.list<StoredUpload>(KIND.shippingUpload)
    return rows.map(({ data }) => ({ at: data.at, body: JSON.parse(data.body) as unknown, errcode: data.errcode }))
  }

  /** Uploads WeChat accepted (errcode 0), optionally only those for one out_trade_no. */
  async accepted(outTradeNo?: string): Promise<Json[]> {
    return (await this.received())
      .filter((r) => r.errcode === 0)
      .map((r) => r.body as Json)
      .filter((b) => outTradeNo === undefined || (b.order_key as Json).out_trade_no === outTradeNo)
  }

  /** WeChat's view of one transaction: 1 待发货, 2 已发货, and what it was told. */
  async trade(mchid: string, outTradeNo: string): Promise<{ orderState: 1 | 2; shippingList: Json[]; reshipped: boolean } | null> {
    const t = await this.opts.store.get<TradeShipping>(KIND.shipping, `${mchid}:${outTradeNo}`)
    return t ? { orderState: t.completed ? 2 : 1, shippingList: t.shippingList, reshipped: t.reshipped } : null
  }

  async upload(body: unknown): Promise<Answer> {
    const answer = await this.answer(body)
    const stored: StoredUpload = { at: this.opts.now(), body: JSON.stringify(body ?? null), errcode: answer.errcode }
    await this.opts.store.put(KIND.shippingUpload, crypto.randomUUID(), stored)
    return answer
  }

  private async answer(b: unknown): Promise<Answer> {
    const forced = await this.opts.store.update<{ codes: number[] }, number | undefined>(KIND.switch, SWITCH, (c) =>
      c && c.codes.length > 0 ? { data: { codes: c.codes.slice(1) }, result: c.codes[0] } : { data: null, result: undefined },
    )
    if (forced !== undefined) return fail(forced, forced === 10060001 ? '支付单不存在' : 'system error')
    if (!isObject(b)) return fail(10060014, 'parameter error')
    const key = b.order_key
    if (!isObject(key) || (key.order_number_type !== 1 && key.order_number_type !== 2)) return fail(268485194, 'invalid order_number_type')
    if (key.order_number_type === 2 && !nonEmpty(key.transaction_id)) return fail(268485195, 'transaction_id required')
    if (key.order_number_type === 1 && !nonEmpty(key.mchid)) return fail(268485196, 'mchid required')
    if (key.order_number_type === 1 && !nonEmpty(key.out_trade_no)) return fail(268485197, 'out_trade_no required')
    if (![1, 2, 3, 4].includes(b.logistics_type as number)) return fail(10060005, 'invalid logistics_type')
    if (b.delivery_mode !== 1 && b.delivery_mode !== 2) return fail(268485224, 'invalid delivery_mode')
    if (b.delivery_mode === 2 && b.logistics_type !== 1) return fail(10060006, 'split delivery only for express')
    if (b.delivery_mode === 2 && typeof b.is_all_delivered !== 'boolean') return fail(10060007, 'is_all_delivered required')
    const list = b.shipping_list
    if (!Array.isArray(list) || list.length === 0) return fail(10060020, 'shipping_list empty')
    if (list.length > 15) return fail(10060024, 'shipping_list too long')
    if (b.delivery_mode === 1 && list.length !== 1) return fail(268485228, 'unified delivery needs exactly one parcel')
    for (const parcel of list) {
      const problem = this.parcelProblem(parcel, b.logistics_type === 1)
      if (problem) return problem
    }
    if (typeof b.upload_time !== 'string' || !RFC3339.test(b.upload_time) || Number.isNaN(Date.parse(b.upload_time))) {
      return fail(268485216, 'upload_time not RFC 3339')
    }
    const payer = b.payer
    if (!isObject(payer) || !nonEmpty(payer.openid)) return fail(10060014, 'payer.openid required')
    const payment = await this.opts.lookupPayment?.(
      key.order_number_type === 1 ? { mchid: key.mchid as string, outTradeNo: key.out_trade_no as string } : { transactionId: key.transaction_id as string },
    )
    if (payment === null) return fail(10060001, '支付单不存在')
    if (payment && payment.payerOpenid !== payer.openid) return fail(10060031, 'order does not belong to payer')
    return this.record(key, b as Json, list as Json[])
  }

  private parcelProblem(p: unknown, express: boolean): { errcode: number; errmsg: string } | null {
    if (!isObject(p)) return fail(10060014, 'parameter error')
    if (!nonEmpty(p.item_desc)) return fail(10060008, 'item_desc empty')
    if (Array.from(p.item_desc).length > 120) return fail(10060009, 'item_desc too long')
    if (!express) return null
    if (!nonEmpty(p.tracking_no)) return fail(268485226, 'tracking_no required for express')
    if (bytes(p.tracking_no) > 128) return fail(10060026, 'tracking_no too long')
    if (!nonEmpty(p.express_company)) return fail(268485227, 'express_company required for express')
    if (bytes(p.express_company) > 128) return fail(10060025, 'express_company too long')
    if (p.express_company === 'SF') {
      const c = p.contact
      const shown = isObject(c) ? [c.consignor_contact, c.receiver_contact].filter((v) => v !== undefined) : []
      if (shown.length === 0 || !shown.every((v) => typeof v === 'string' && MASKED.test(v))) return fail(10060014, 'SF needs a masked contact')
    }
    return null
  }

  /** WeChat's picture of the transaction, changed under its row lock (two instances, one truth). */
  private record(key: Json, b: Json, list: Json[]): Promise<Answer> {
    const id = key.order_number_type === 1 ? `${key.mchid as string}:${key.out_trade_no as string}` : `tx:${key.transaction_id as string}`
    const content = JSON.stringify([b.logistics_type, b.delivery_mode, b.is_all_delivered ?? null, list])
    const uploadTime = Date.parse(b.upload_time as string)
    return this.opts.store.update<TradeShipping, Answer>(KIND.shipping, id, (before) => {
      if (before && before.content === content) return { data: null, result: fail(10060023, '发货信息未更新') }
      if (before && uploadTime <= before.uploadTime) return { data: null, result: fail(10060014, 'upload_time must increase') }
      if (before?.completed && before.reshipped) return { data: null, result: fail(10060003, 'the one re-ship is used') }
      const completed = b.delivery_mode === 1 || b.is_all_delivered === true
      const data = { content, uploadTime, completed: completed || !!before?.completed, reshipped: !!before?.completed, shippingList: list }
      return { data, result: { errcode: 0, errmsg: 'ok' } }
    })
  }
}

export const shippingSandboxRoutes: FastifyPluginAsync<{ sandbox: ShippingSandbox; accessTokens: SandboxAccessTokens }> = async (
  app,
  { sandbox, accessTokens },
) => {
  app.post<{ Querystring: { access_token?: string } }>(
    '/wxa/sec/order/upload_shipping_info',
    { schema: { tags: ['sandbox'], summary: 'Sandbox upload_shipping_info (WeChat wire protocol)' } },
    async (request) => {
      const token = await accessTokens.check(request.query.access_token)
      if (!('ok' in token)) return token
      return sandbox.upload(request.body)
    },
  )
}
