/**
 * Human-readable numbers: a checkout `X20261128A1B2C3D4E5F6` (date in China + random),
 * its orders `…-1`, `…-2`, WeChat Pay trade numbers `…P1` and refund numbers `R<order>-<payment id>`.
 * All fit WeChat Pay's out_trade_no / out_refund_no rules ([0-9A-Za-z_-], ≤ 32).
 */
import crypto from 'node:crypto'
import { chinaDate } from '../../../../src/domain/dates'

export function newCheckoutNo(now: Date): string {
  return `X${chinaDate(now).replace(/-/g, '')}${crypto.randomBytes(6).toString('hex').toUpperCase()}`
}

export const orderNo = (checkoutNo: string, index: number) => `${checkoutNo}-${index + 1}`
export const outTradeNo = (checkoutNo: string, attempt: number) => `${checkoutNo}P${attempt}`
export const outRefundNo = (orderNumber: string, paymentId: number) => `R${orderNumber}-${paymentId}`
