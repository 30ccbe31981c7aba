/** What the farmer reads: quantities, weights, why an order could not ship, dates. */
import type { ApiError } from '../../../lib/api-error'
import { formatChinaDateTime } from '../../../domain/china-time'

/** Server codes from the ship endpoint → plain Chinese. */
const SHIP_ERRORS: Record<string, string> = {
  ORDER_NOT_SHIPPABLE: '这单现在不能发货（可能已发货或买家已取消）',
  ORDER_CHANGED: '订单刚刚有变化，请刷新后再试',
  NOT_FOUND: '找不到这个订单',
  DUPLICATE_ORDER: '同一个订单填了两次',
  VALIDATION_FAILED: '快递公司或单号不对，请检查',
}

export function shipErrorText(code: string): string {
  return SHIP_ERRORS[code] ?? '这单没有发出去，请稍后重试'
}

/** The message for a whole failed request (network, session…). */
export function requestErrorText(error: unknown): string {
  const e = error as Partial<ApiError> | null
  if (e && typeof e.code === 'string' && SHIP_ERRORS[e.code]) return SHIP_ERRORS[e.code]
  return e && typeof e.message === 'string' && e.message ? e.message : '出了点问题，请稍后重试'
}

/** 3 and "斤" → "3斤"; 2 and "箱" → "2箱". */
export function quantityText(quantity: number, unit: string): string {
  return `${quantity}${unit}`
}

/** 12.5 → "12.5公斤". */
export function kgText(kg: number): string {
  return `${Math.round(kg * 100) / 100}公斤`
}

/** "11-28 14:05" in China time. */
export function shortTime(at: string | null): string {
  return formatChinaDateTime(at, 'MM-DD HH:mm')
}

/** Whole days an order has waited since payment (WeChat expects shipping within 48 hours). */
export function daysWaiting(paidAt: string | null, now = Date.now()): number {
  return paidAt ? Math.max(0, Math.floor((now - Date.parse(paidAt)) / 86_400_000)) : 0
}

/** "付款不到1天" / "已等2天，请尽快发货". */
export function waitingText(days: number): string {
  if (days < 1) return '付款不到1天'
  return days >= 2 ? `已等${days}天，请尽快发货` : `已等${days}天`
}
