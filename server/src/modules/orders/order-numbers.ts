/**
 * Human-readable numbers: a checkout `X20261128A1B2C3D4E5F6` (date in China + random) and its
 * orders `…-1`, `…-2`. Short enough for the WeChat Pay numbers payments builds on them (≤ 32).
 */
import crypto from 'node:crypto'
import { chinaDate } from '@domain/china-time'

export function newCheckoutNo(now: Date): string {
  return `X${chinaDate(now).replace(/-/g, '')}${crypto.randomBytes(6).toString('hex').toUpperCase()}`
}

export const orderNo = (checkoutNo: string, index: number) => `${checkoutNo}-${index + 1}`
