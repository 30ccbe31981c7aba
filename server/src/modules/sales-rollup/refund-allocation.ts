/**
 * How a refund of an order is spread over the rollup: goods first (up to what the order's items
 * still hold after its earlier refunds), the rest is shipping. The goods part is shared among the order's lines in proportion to their
 * totals, rounded down, the first line taking what rounding left over — so a full refund puts
 * back exactly each line's total. The same rule is written in SQL in rebuild-rollup.ts.
 */
import { splitRefund } from '@domain/settlement'

export interface RefundLine {
  specId: number
  lineTotalFen: number
}

export interface RefundShare {
  specId: number
  refundsFen: number
  /** Shipping given back (negative: it lowers the shipping collected); only on the first line. */
  shippingFen: number
}

/** `refundedBeforeFen`: what the order's sale refunds that succeeded before this one gave back. */
export function allocateRefund(amountFen: number, itemsFen: number, lines: readonly RefundLine[], refundedBeforeFen = 0): RefundShare[] {
  if (lines.length === 0) return []
  const { goodsFen, shippingFen } = splitRefund(amountFen, itemsFen, refundedBeforeFen)
  const shares = lines.map((line) => ({
    specId: line.specId,
    refundsFen: itemsFen > 0 ? floorDiv(goodsFen * line.lineTotalFen, itemsFen) : 0,
    shippingFen: 0,
  }))
  const allocated = shares.slice(1).reduce((sum, s) => sum + s.refundsFen, 0)
  shares[0].refundsFen = goodsFen - allocated
  shares[0].shippingFen = -shippingFen
  return shares
}

/** ⌊a / b⌋ for non-negative integers, exactly (no floating-point division). */
function floorDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a)) throw new RangeError('refund share overflows')
  return (a - (a % b)) / b
}
