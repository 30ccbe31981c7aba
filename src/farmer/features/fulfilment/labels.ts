/** What the farmer reads: quantities, weights, why an order could not ship, dates. */
import { catalogMessage, type ApiError, type MessageCode, type MessageOverrides } from '../../../lib/api-error'
import { formatChinaDateTime } from '@domain/china-time'
import { actionsFor, type OrderStatus } from '@domain/order-states'

/** The ship endpoint's codes: this screen's wording where the catalogue's generic text would be vague. */
const SHIP_OVERRIDES: MessageOverrides = {
  NOT_FOUND: '找不到这个订单',
  VALIDATION_FAILED: '快递公司或单号不对，请检查',
}
/** Codes the ship endpoint explains (from the catalogue or the overrides); others read as "not shipped". */
const SHIP_CODES: readonly MessageCode[] = ['ORDER_NOT_SHIPPABLE', 'ORDER_CHANGED', 'NOT_FOUND', 'DUPLICATE_ORDER', 'VALIDATION_FAILED', 'INVALID_PACKED_WEIGHT']

function shipText(code: string): string | undefined {
  const known = SHIP_CODES.find((c) => c === code)
  return known && (SHIP_OVERRIDES[known] ?? catalogMessage(known))
}

export function shipErrorText(code: string): string {
  return shipText(code) ?? '这单没有发出去，请稍后重试'
}

/** The message for a whole failed request (network, session…). */
export function requestErrorText(error: unknown): string {
  const e = error as Partial<ApiError> | null
  const shipped = e && typeof e.code === 'string' ? shipText(e.code) : undefined
  if (shipped) return shipped
  return e && typeof e.message === 'string' && e.message ? e.message : '出了点问题，请稍后重试'
}

/** Whether the farmer may ship this order now (the order machine's `ship`). */
export const canShip = (o: { status: OrderStatus }): boolean => actionsFor(o.status, 'farmer').includes('ship')

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
