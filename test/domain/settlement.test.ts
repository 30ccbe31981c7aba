/** Settlement arithmetic in fen, with the commission rounding rule (half up, integers only), and refunds split and summed by kind. */
import { commissionFen, formatBps, isCommissionBps, refundsByKind, settleStatement, splitRefund } from '@domain/settlement'

describe('commission', () => {
  it.each([
    [1234, 500, 62], // 61.7 → 62
    [10, 500, 1], // 0.5 → 1 (half up)
    [9, 500, 0], // 0.45 → 0
    [30, 500, 2], // 1.5 → 2
    [50, 500, 3], // 2.5 → 3 (half up, not banker's 2)
    [1, 5000 / 2, 0], // 0.25 → 0
    [2, 2500, 1], // 0.5 → 1
    [100000, 0, 0],
    [0, 3000, 0],
    [1999, 3000, 600], // 599.7 → 600
    [123456789, 1, 12346], // 12345.6789 → 12346
  ])('%i fen at %i bps is %i fen', (base, bps, expected) => {
    expect(commissionFen(base, bps)).toBe(expected)
  })

  it('a negative base rounds half away from zero, mirroring the charge', () => {
    expect(commissionFen(-10, 500)).toBe(-1)
    expect(commissionFen(-9, 500)).toBe(-0)
    expect(commissionFen(-1234, 500)).toBe(-commissionFen(1234, 500))
  })

  it('is exact for large amounts (no floating-point drift)', () => {
    expect(commissionFen(999_999_999_999, 2999)).toBe(299_899_999_999 + 1) // 299899999999.7001 → …000
    expect(commissionFen(100_000_000_000, 3000)).toBe(30_000_000_000)
  })

  it('refuses rates outside 0–3000 bps and non-integer amounts', () => {
    expect(() => commissionFen(100, 3001)).toThrow(RangeError)
    expect(() => commissionFen(100, -1)).toThrow(RangeError)
    expect(() => commissionFen(100, 1.5)).toThrow(RangeError)
    expect(() => commissionFen(10.5, 100)).toThrow(TypeError)
    expect(isCommissionBps(3000)).toBe(true)
    expect(isCommissionBps('500')).toBe(false)
  })
})

describe('a statement', () => {
  it('net = gross − refunds − commission + shipping + adjustments', () => {
    const s = settleStatement({ grossFen: 100_000, refundsFen: 5990, shippingFen: 1200, adjustmentsFen: -2000, commissionBps: 500 })
    // base 94010 × 5% = 4700.5 → 4701
    expect(s.commissionFen).toBe(4701)
    expect(s.netFen).toBe(100_000 - 5990 - 4701 + 1200 - 2000)
  })

  it('is all zero for an empty week, and may be negative when a late refund outweighs the sales', () => {
    expect(settleStatement({ grossFen: 0, refundsFen: 0, shippingFen: 0, adjustmentsFen: 0, commissionBps: 800 })).toMatchObject({ commissionFen: 0, netFen: 0 })
    expect(settleStatement({ grossFen: 1000, refundsFen: 0, shippingFen: 0, adjustmentsFen: -5000, commissionBps: 0 }).netFen).toBe(-4000)
  })

  it('a week with more refunds than sales gives the commission back on the difference', () => {
    // a 5980 refund of last week’s sale succeeds in a week with 2990 sold: base −2990 × 5 % = −149.5 → −150
    const s = settleStatement({ grossFen: 2990, refundsFen: 5980, shippingFen: 0, adjustmentsFen: 0, commissionBps: 500 })
    expect(s.commissionFen).toBe(-150)
    expect(s.netFen).toBe(2990 - 5980 + 150)
  })

  it('refuses amounts that are not whole fen', () => {
    expect(() => settleStatement({ grossFen: 10.5, refundsFen: 0, shippingFen: 0, adjustmentsFen: 0, commissionBps: 0 })).toThrow(TypeError)
  })
})

describe('refunds', () => {
  it('split into goods first, then shipping', () => {
    expect(splitRefund(3990, 2990)).toEqual({ goodsFen: 2990, shippingFen: 1000 })
    expect(splitRefund(2000, 2990)).toEqual({ goodsFen: 2000, shippingFen: 0 })
    expect(() => splitRefund(-1, 10)).toThrow(RangeError)
    expect(() => splitRefund(10, 10, -1)).toThrow(RangeError)
  })

  it('of one order never give back more goods than its items, whatever their number', () => {
    // items 2990 + shipping 1000, refunded 2000, then 1500, then 490
    expect(splitRefund(2000, 2990, 0)).toEqual({ goodsFen: 2000, shippingFen: 0 })
    expect(splitRefund(1500, 2990, 2000)).toEqual({ goodsFen: 990, shippingFen: 510 })
    expect(splitRefund(490, 2990, 3500)).toEqual({ goodsFen: 0, shippingFen: 490 })
  })

  it('add up per kind, in the order of the kinds, leaving out kinds without refunds', () => {
    const byKind = refundsByKind([
      { kind: 'after_sale', goodsFen: 500, shippingFen: 0 },
      { kind: 'buyer_cancel', goodsFen: 2990, shippingFen: 600 },
      { kind: 'after_sale', goodsFen: 300, shippingFen: 0 },
    ])
    expect(byKind).toEqual([
      { kind: 'buyer_cancel', count: 1, goodsFen: 2990, shippingFen: 600 },
      { kind: 'after_sale', count: 2, goodsFen: 800, shippingFen: 0 },
    ])
    expect(refundsByKind([])).toEqual([])
  })
})

describe('formatBps', () => {
  it('reads basis points as a percent', () => {
    expect(formatBps(500)).toBe('5%')
    expect(formatBps(125)).toBe('1.25%')
    expect(formatBps(0)).toBe('0%')
  })
})
