import {
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  claimActionsFor,
  claimTransition,
  ClaimTransitionError,
  isClaimOpen,
  suggestedLineRefundFen,
  weightShortfallRefundFen,
} from '@domain/claim-states'

describe('the claim transition table', () => {
  it('takes a claim from the farmer to the cooperative when the farmer contests or does not answer', () => {
    expect(claimTransition('open', 'contest', 'farmer')).toBe('escalated')
    expect(claimTransition('open', 'time_out', 'system')).toBe('escalated')
    expect(claimTransition('escalated', 'decide', 'manager')).toBe('decided')
  })

  it('lets only the side whose turn it is take a step', () => {
    expect(() => claimTransition('open', 'accept', 'buyer')).toThrow(ClaimTransitionError)
    expect(() => claimTransition('open', 'decide', 'manager')).toThrow(ClaimTransitionError)
    expect(() => claimTransition('offered', 'accept', 'farmer')).toThrow(ClaimTransitionError)
    expect(() => claimTransition('open', 'time_out', 'farmer')).toThrow(ClaimTransitionError)
  })

  it('shows each side only its own buttons', () => {
    expect(claimActionsFor('open', 'farmer')).toEqual(['accept', 'offer', 'contest'])
    expect(claimActionsFor('open', 'buyer')).toEqual(['withdraw'])
    expect(claimActionsFor('offered', 'buyer')).toEqual(['accept_offer', 'ask_cooperative', 'withdraw'])
    expect(claimActionsFor('escalated', 'manager')).toEqual(['decide'])
    expect(claimActionsFor('escalated', 'buyer')).toEqual([])
  })

  it('has no step out of a final status', () => {
    for (const status of CLAIM_STATUSES.filter((s) => !isClaimOpen(s))) {
      for (const rule of Object.values(CLAIM_TRANSITIONS)) expect(rule.from).not.toContain(status)
    }
  })
})

describe('the suggested refund of a claim line', () => {
  it('is the affected share of what the buyer paid, rounded down to the fen', () => {
    expect(suggestedLineRefundFen(5980, 3, 10)).toBe(1794)
    expect(suggestedLineRefundFen(1000, 1, 3)).toBe(333)
    expect(suggestedLineRefundFen(4990, 750, 2500)).toBe(1497)
  })

  it('never exceeds the whole line', () => {
    expect(suggestedLineRefundFen(5980, 12, 10)).toBe(5980)
  })

  it('refuses amounts that are not whole', () => {
    expect(() => suggestedLineRefundFen(100, 1.5, 10)).toThrow(RangeError)
    expect(() => suggestedLineRefundFen(100, 1, 0)).toThrow(RangeError)
  })
})

describe('catch-weight: a line packed short', () => {
  it('refunds exactly half a 斤 at its unit price when 10 斤 is packed as 9.5 斤', () => {
    // 10 × 1斤 at ¥8.80 a 斤 = 8800 fen; 250 g short is half a 斤 = 440 fen
    expect(weightShortfallRefundFen(8800, 5000, 4750)).toBe(440)
  })

  it('charges nothing when more was packed than ordered', () => {
    expect(weightShortfallRefundFen(8800, 5000, 5150)).toBe(0)
  })

  it('lets a shortfall within the tolerance (2 %, at least 25 g) pass', () => {
    expect(weightShortfallRefundFen(8800, 5000, 4900)).toBe(0)
    expect(weightShortfallRefundFen(8800, 5000, 4899)).toBe(177)
    expect(weightShortfallRefundFen(1000, 500, 476)).toBe(0)
  })
})
