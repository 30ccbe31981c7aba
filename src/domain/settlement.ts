/**
 * What the cooperative owes a member for one ISO week, in integer fen.
 *
 *   commission = round-half-up((gross − refunds) × bps / 10000)
 *   net        = gross − refunds − commission + shipping + adjustments
 *
 * - gross: goods sold (order items) in orders paid that week.
 * - refunds: the goods part of the sale refunds the farmer bears (buyer cancel, after-sale, weight
 *   adjustment) that succeeded that week, whichever week the order was sold in (REFUND_WEEK_RULE).
 *   A refund the cooperative bears is not taken from the farmer: it is the cooperative's cost.
 * - shipping: shipping fees collected on the week's orders, less the shipping part of those refunds.
 *   Shipping goes to the farmer: each farmer packs and posts their own parcels and pays the
 *   courier, and sets their own fee; the cooperative takes no commission on it.
 * - adjustments: only on statements confirmed before refunds counted in the week they succeeded
 *   (late refunds of a sale week already confirmed, carried into a later week). A refund is never
 *   counted in a week already confirmed: one that somehow missed its week lands, as a refund, in the
 *   farmer's first unconfirmed week after it. A confirmed statement never changes.
 *
 * Rounding: half up on the exact quotient, computed with integers only (no floating point):
 * 1234 fen × 500 bps = 61.7 → 62; 10 fen × 500 bps = 0.5 → 1; 9 fen × 500 bps = 0.45 → 0.
 * A negative base (a reversal) rounds half away from zero, so it mirrors the charge exactly.
 */
import { isFen } from './money'
import { REFUND_KINDS, type RefundKind } from './payment-states'

/** The one rule for the week a refund counts in, said the same way on every page that shows refunds. */
export const REFUND_WEEK_RULE = '退款计入退款成功（到账）的那一周；已确认的结算单不再改动'

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

/**
 * How a refund of an order splits: goods first, the rest is shipping. `refundedBeforeFen` is what
 * the order's earlier sale refunds (in the order they succeeded) already gave back: together they
 * never give back more goods than the order's items.
 */
export function splitRefund(amountFen: number, itemsFen: number, refundedBeforeFen = 0): { goodsFen: number; shippingFen: number } {
  for (const v of [amountFen, itemsFen, refundedBeforeFen]) {
    if (!isFen(v) || v < 0) throw new RangeError('refund, items and earlier refunds must be non-negative fen')
  }
  const goodsFen = Math.min(refundedBeforeFen + amountFen, itemsFen) - Math.min(refundedBeforeFen, itemsFen)
  return { goodsFen, shippingFen: amountFen - goodsFen }
}

/** Refunds of one kind in a statement or a week: how many, and what they gave back. */
export interface RefundsOfKind {
  kind: RefundKind
  count: number
  goodsFen: number
  shippingFen: number
}

/** Refunds summed per kind, in the order of REFUND_KINDS; kinds without refunds are left out. */
export function refundsByKind(refunds: readonly { kind: RefundKind; goodsFen: number; shippingFen: number }[]): RefundsOfKind[] {
  return REFUND_KINDS.map((kind) => {
    const of = refunds.filter((r) => r.kind === kind)
    return { kind, count: of.length, goodsFen: of.reduce((s, r) => s + r.goodsFen, 0), shippingFen: of.reduce((s, r) => s + r.shippingFen, 0) }
  }).filter((k) => k.count > 0)
}
