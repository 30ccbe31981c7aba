/**
 * What the cooperative owes a member for one ISO week, in integer fen.
 *
 *   commission = round-half-up((gross − refunds) × bps / 10000)
 *   net        = gross − refunds − commission + shipping + adjustments
 *
 * - gross: goods sold (order items) in orders paid that week.
 * - refunds: the goods part of those orders' refunds that succeeded before the week was confirmed.
 * - shipping: shipping fees collected on those orders, less the shipping part of their refunds.
 *   Shipping goes to the farmer: each farmer packs and posts their own parcels and pays the
 *   courier, and sets their own fee; the cooperative takes no commission on it.
 * - adjustments: refunds that succeeded after their own week was confirmed ("late refunds"),
 *   carried into the next unconfirmed week instead of changing a confirmed statement; each
 *   takes back what the farmer was paid for it (goods less the commission charged on them,
 *   plus the refunded shipping), so it is negative.
 *
 * Rounding: half up on the exact quotient, computed with integers only (no floating point):
 * 1234 fen × 500 bps = 61.7 → 62; 10 fen × 500 bps = 0.5 → 1; 9 fen × 500 bps = 0.45 → 0.
 * A negative base (a reversal) rounds half away from zero, so it mirrors the charge exactly.
 */
import { isFen } from './money'

export const BPS_DENOMINATOR = 10_000
/** The highest commission a cooperative may set: 30 %. */
export const MAX_COMMISSION_BPS = 3000

/** A weekly statement: a live draft, confirmed (frozen) after its week, then paid. */
export const SETTLEMENT_STATUSES = ['draft', 'confirmed', 'paid'] as const
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number]

/** How a statement's status reads, to the farmer and the cooperative alike. */
export const STATEMENT_STATUS_TEXT = { draft: '待确认', confirmed: '已确认', paid: '已付款' } as const satisfies Record<SettlementStatus, string>

/** 500 bps → "5%"; 125 → "1.25%". */
export function formatBps(bps: number): string {
  return `${bps / 100}%`
}

export function isCommissionBps(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COMMISSION_BPS
}

/** The commission on `baseFen` at `bps` basis points, rounded half up (half away from zero below 0). */
export function commissionFen(baseFen: number, bps: number): number {
  if (!isFen(baseFen)) throw new TypeError(`not an amount in fen: ${String(baseFen)}`)
  if (!isCommissionBps(bps)) throw new RangeError(`commission must be 0–${MAX_COMMISSION_BPS} bps: ${String(bps)}`)
  const scaled = Math.abs(baseFen) * bps + BPS_DENOMINATOR / 2
  if (!Number.isSafeInteger(scaled)) throw new RangeError('amount too large for a commission')
  const rounded = (scaled - (scaled % BPS_DENOMINATOR)) / BPS_DENOMINATOR
  return baseFen < 0 ? -rounded : rounded
}

export interface StatementInput {
  grossFen: number
  refundsFen: number
  shippingFen: number
  adjustmentsFen: number
  commissionBps: number
}

export interface StatementFigures extends StatementInput {
  commissionFen: number
  netFen: number
}

export function settleStatement(input: StatementInput): StatementFigures {
  const { grossFen, refundsFen, shippingFen, adjustmentsFen, commissionBps } = input
  for (const [name, value] of Object.entries({ grossFen, refundsFen, shippingFen, adjustmentsFen })) {
    if (!isFen(value)) throw new TypeError(`${name} is not an amount in fen: ${String(value)}`)
  }
  const commission = commissionFen(grossFen - refundsFen, commissionBps)
  const netFen = grossFen - refundsFen - commission + shippingFen + adjustmentsFen
  if (!Number.isSafeInteger(netFen)) throw new RangeError('statement total overflows')
  return { ...input, commissionFen: commission, netFen }
}

/** How a refund of an order splits: goods first (up to the order's items), the rest is shipping. */
export function splitRefund(amountFen: number, itemsFen: number): { goodsFen: number; shippingFen: number } {
  if (!isFen(amountFen) || !isFen(itemsFen) || amountFen < 0 || itemsFen < 0) throw new RangeError('refund and items must be non-negative fen')
  const goodsFen = Math.min(amountFen, itemsFen)
  return { goodsFen, shippingFen: amountFen - goodsFen }
}

/**
 * The adjustment a late refund makes to the next statement: minus the goods refunded less the
 * commission charged on them at the confirmed week's rate, minus the refunded shipping.
 */
export function lateRefundAdjustment(goodsFen: number, shippingFen: number, commissionBps: number): number {
  return -(goodsFen - commissionFen(goodsFen, commissionBps)) - shippingFen
}
