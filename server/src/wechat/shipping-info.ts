/**
 * Order shipping info management, `upload_shipping_info` (wechat-protocols.md §6.1), over the
 * central access_token client. Answers are sorted into what the caller does next: done,
 * already done (the doc's idempotent codes), try again later, or give up with the errcode.
 */
import { chinaRfc3339 as chinaRfc3339Of } from '@domain/china-time'
import type { AccessTokens } from './access-token'
import { WechatApiError } from './login-client'

export const UPLOAD_SHIPPING_INFO_PATH = '/wxa/sec/order/upload_shipping_info'

export type OrderKey =
  | { order_number_type: 1; mchid: string; out_trade_no: string }
  | { order_number_type: 2; transaction_id: string }

export interface ShippingParcel {
  tracking_no: string
  express_company: string
  item_desc: string
  contact?: { consignor_contact?: string; receiver_contact?: string }
}

export interface ShippingInfoRequest {
  order_key: OrderKey
  /** 1 express, 2 same-city, 3 virtual, 4 pickup. */
  logistics_type: 1 | 2 | 3 | 4
  /** 1 one parcel for the whole payment; 2 split into several parcels (express only). */
  delivery_mode: 1 | 2
  is_all_delivered?: boolean
  shipping_list: ShippingParcel[]
  upload_time: string
  payer: { openid: string }
}

/** System busy / payment not ingested yet (right after paying) / system errors: try again later. */
const RETRY = new Set([-1, 10060001, 10060012, 10060019, 40001, 40014, 41001, 42001, 45009, 45011])
/** Already fully shipped, re-ship chance used, not shippable any more, identical info: nothing more to do. */
export const ALREADY_DONE = new Set([10060002, 10060003, 10060004, 10060023])

export type UploadOutcome =
  | { kind: 'uploaded' }
  | { kind: 'already'; errcode: number }
  | { kind: 'retry'; errcode: number; message: string }
  | { kind: 'rejected'; errcode: number; message: string }

export function createShippingInfoClient(accessTokens: Pick<AccessTokens, 'post'>) {
  return {
    async upload(request: ShippingInfoRequest): Promise<UploadOutcome> {
      try {
        await accessTokens.post(UPLOAD_SHIPPING_INFO_PATH, request)
        return { kind: 'uploaded' }
      } catch (err) {
        const errcode = err instanceof WechatApiError ? err.errcode : -1
        const message = (err as Error).message
        if (ALREADY_DONE.has(errcode)) return { kind: 'already', errcode }
        if (RETRY.has(errcode)) return { kind: 'retry', errcode, message }
        return { kind: 'rejected', errcode, message }
      }
    },
  }
}

export type ShippingInfoClient = ReturnType<typeof createShippingInfoClient>

/** RFC 3339 in China time with milliseconds: 2022-12-15T13:29:35.120+08:00. */
export function chinaRfc3339(at: Date): string {
  return chinaRfc3339Of(at, { millis: true })
}

/** A phone number masked as §6.1 wants it, last four digits shown: 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '')
  if (digits.length <= 4) return `****${digits}`
  const head = digits.length >= 11 ? digits.slice(0, 3) : ''
  return `${head}****${digits.slice(-4)}`
}

/** "威宁苹果 5斤装*2;修文猕猴桃 1箱*1", cut to 120 characters with "…" (§6.1 item_desc ≤ 120). */
export function itemDescription(items: readonly { title: string; specName: string; quantity: number }[], max = 120): string {
  const text = items.map((i) => `${i.title} ${i.specName}*${i.quantity}`).join(';')
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
