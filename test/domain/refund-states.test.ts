import { REFUND_HOLDS_AMOUNT, refundQueryDelayMs, refundStatusAfter } from '@domain/payment-states'

describe('what WeChat reports does to a refund', () => {
  it('settles a processing refund as WeChat says', () => {
    expect(refundStatusAfter('processing', 'SUCCESS')).toBe('succeeded')
    expect(refundStatusAfter('processing', 'CLOSED')).toBe('closed')
    expect(refundStatusAfter('processing', 'ABNORMAL')).toBe('abnormal')
    expect(refundStatusAfter('processing', 'PROCESSING')).toBeNull()
  })

  it('still takes a SUCCESS after ABNORMAL, so the statement deducts money that went back', () => {
    expect(refundStatusAfter('abnormal', 'SUCCESS')).toBe('succeeded')
    expect(refundStatusAfter('abnormal', 'ABNORMAL')).toBeNull()
  })

  it('never changes a refund that succeeded, closed or failed', () => {
    for (const s of ['succeeded', 'closed', 'failed'] as const) {
      for (const r of ['SUCCESS', 'CLOSED', 'ABNORMAL', 'PROCESSING'] as const) expect(refundStatusAfter(s, r)).toBeNull()
    }
  })

  it('frees the amount of a closed or failed refund for another one', () => {
    expect(REFUND_HOLDS_AMOUNT).not.toContain('closed')
    expect(REFUND_HOLDS_AMOUNT).not.toContain('failed')
    expect(REFUND_HOLDS_AMOUNT).toContain('abnormal')
  })
})

describe('asking WeChat about an unsettled refund', () => {
  it('asks a minute after sending, then backs off, for days, then stops', () => {
    expect(refundQueryDelayMs(0)).toBe(60_000)
    expect(refundQueryDelayMs(1)).toBe(120_000)
    let n = 0
    let total = 0
    for (let d = refundQueryDelayMs(n); d !== null; d = refundQueryDelayMs(++n)) total += d
    expect(total).toBeGreaterThanOrEqual(13 * 24 * 3600_000)
    expect(total).toBeLessThanOrEqual(15 * 24 * 3600_000)
  })
})
