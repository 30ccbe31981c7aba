/**
 * The buyer's after-sale rules in the pages (pure, so tested here): when the order detail offers
 * 申请售后 (src/features/orders/after-sale.ts), what the claim form reads from the affected
 * quantity typed per line — in 斤, or for 箱/个 lines 按箱(个) / 按斤 — and the amount it suggests
 * (src/after-sale/features/claims/claim-lines.ts),
 * and the claim's deadline text and buttons (labels.ts).
 */
import type { ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto } from '@contracts/orders'
import { canFileClaim, claimDeadline } from '../../src/features/orders/after-sale'
import { defaultMeasure, formatMeasure, lineSuggestionFen, measureChoiceLabel, measuresFor, orderedText, parseAffected } from '../../src/after-sale/features/claims/claim-lines'
import { buyerSteps, claimFigures, deadlineText } from '../../src/after-sale/features/claims/labels'

const HOUR = 3600_000
const receivedAt = new Date('2026-12-02T07:00:00Z')

type Event = OrderDetailDto['events'][number]
const event = (from: Event['fromStatus'], to: Event['toStatus'], at: Date, step: string | null = null): Event => ({
  fromStatus: from,
  toStatus: to,
  actor: 'buyer',
  reason: '',
  event: step,
  at: at.toISOString(),
})

const items = [{ id: 11 }, { id: 12 }] as OrderDetailDto['items']
const received = {
  status: 'received' as const,
  items,
  events: [event('paid', 'shipped', new Date(receivedAt.getTime() - 48 * HOUR)), event('shipped', 'received', receivedAt), event('received', 'received', new Date(receivedAt.getTime() + HOUR), 'claim.opened')],
}
const claimOn = (status: ClaimDto['status'], ...lineIds: number[]) => ({ status, lines: lineIds.map((orderItemId) => ({ orderItemId })) }) as Pick<ClaimDto, 'status' | 'lines'>

describe('when the order detail offers 申请售后', () => {
  it('while the parcel is on its way, and until 48 h after receipt (a later claim step does not move receipt)', () => {
    expect(canFileClaim({ ...received, status: 'shipped' }, [], receivedAt)).toBe(true)
    expect(claimDeadline(received)).toEqual(new Date(receivedAt.getTime() + 48 * HOUR))
    expect(canFileClaim(received, [], new Date(receivedAt.getTime() + 47 * HOUR))).toBe(true)
    expect(canFileClaim(received, [], new Date(receivedAt.getTime() + 48 * HOUR))).toBe(true) // as the server: ≤ 48 h
    expect(canFileClaim(received, [], new Date(receivedAt.getTime() + 48 * HOUR + 1))).toBe(false)
  })

  it('not before shipping, nor after a refund', () => {
    for (const status of ['pending_payment', 'paid', 'cancelled', 'refunded'] as const) expect(canFileClaim({ ...received, status }, [], receivedAt)).toBe(false)
  })

  it('not once every line has an open claim; a closed claim frees its line again', () => {
    expect(canFileClaim(received, [claimOn('open', 11)], receivedAt)).toBe(true)
    expect(canFileClaim(received, [claimOn('open', 11), claimOn('offered', 12)], receivedAt)).toBe(false)
    expect(canFileClaim(received, [claimOn('withdrawn', 11), claimOn('escalated', 12)], receivedAt)).toBe(true)
  })
})

describe('what the claim form reads from the affected quantity', () => {
  const fourJin = { unit: '斤' as const, netWeightG: 500, quantity: 4, lineTotalFen: 5120 }
  const twoKg = { unit: 'kg' as const, netWeightG: 1000, quantity: 2, lineTotalFen: 3000 }
  const threeBoxes = { unit: '箱' as const, netWeightG: 2500, quantity: 3, lineTotalFen: 8970 }

  it('takes 斤 for lines sold by weight (斤 or kg) and sends grams', () => {
    expect(parseAffected(fourJin, '1.5')).toEqual({ ok: true, amount: 750 })
    expect(parseAffected(twoKg, '1')).toEqual({ ok: true, amount: 500 })
    expect(formatMeasure({ unit: 'kg', measure: 'g' }, 750)).toBe('1.5斤')
  })

  it('offers 斤 only on lines sold by weight, and 按箱 (the default) or 按斤 on 箱/个 lines', () => {
    expect(measuresFor('斤')).toEqual(['g'])
    expect(measuresFor('kg')).toEqual(['g'])
    expect(measuresFor('箱')).toEqual(['unit', 'g'])
    expect(measuresFor('个')).toEqual(['unit', 'g'])
    expect([defaultMeasure('斤'), defaultMeasure('kg'), defaultMeasure('箱'), defaultMeasure('个')]).toEqual(['g', 'g', 'unit', 'unit'])
    expect([measureChoiceLabel('箱', 'unit'), measureChoiceLabel('个', 'unit'), measureChoiceLabel('箱', 'g')]).toEqual(['按箱', '按个', '按斤'])
    expect(orderedText(threeBoxes)).toBe('3箱（15斤）')
    expect(orderedText(fourJin)).toBe('4斤')
  })

  it('按斤 on a box line takes 斤 and sends grams, up to the boxes’ net weight', () => {
    expect(parseAffected(threeBoxes, '1.5', 'g')).toEqual({ ok: true, amount: 750 })
    expect(parseAffected(threeBoxes, '15', 'g')).toEqual({ ok: true, amount: 7500 })
    expect(parseAffected(threeBoxes, '15.5', 'g')).toEqual({ ok: false, message: '不能超过下单的 15斤' })
    expect(parseAffected(threeBoxes, '1.234', 'g')).toEqual({ ok: false, message: '请填写斤数，如 1.5' })
    expect(formatMeasure({ unit: '箱', measure: 'g' }, 500)).toBe('1斤')
    expect(formatMeasure({ unit: '箱', measure: 'unit' }, 2)).toBe('2箱')
  })

  it('按箱 is not a choice on a line sold by weight', () => {
    expect(parseAffected(fourJin, '1', 'unit')).toEqual({ ok: false, message: '这件商品按斤计，请填写斤数' })
    expect(lineSuggestionFen(fourJin, parseAffected(fourJin, '1', 'unit'), 'unit')).toBe(0)
  })

  it('takes whole units for 箱 and 个', () => {
    expect(parseAffected(threeBoxes, '2')).toEqual({ ok: true, amount: 2 })
    expect(parseAffected(threeBoxes, '1.5')).toEqual({ ok: false, message: '请填写整数箱数' })
  })

  it('leaves an empty line out and refuses more than was ordered', () => {
    expect(parseAffected(fourJin, ' ')).toEqual({ ok: true, amount: null })
    expect(parseAffected(fourJin, '4.5')).toEqual({ ok: false, message: '不能超过下单的 4斤' })
    expect(parseAffected(threeBoxes, '4')).toEqual({ ok: false, message: '不能超过下单的 3箱' })
    expect(parseAffected(fourJin, 'abc').ok).toBe(false)
  })

  it('suggests the affected share of what was paid for the line, rounded down to the fen', () => {
    expect(lineSuggestionFen(fourJin, parseAffected(fourJin, '1.5'))).toBe(1920)
    expect(lineSuggestionFen(threeBoxes, parseAffected(threeBoxes, '1'))).toBe(2990)
    expect(lineSuggestionFen(twoKg, parseAffected(twoKg, '0.33'))).toBe(247) // 165 g of 2000 g of ¥30.00
    expect(lineSuggestionFen(fourJin, parseAffected(fourJin, ''))).toBe(0)
  })

  it('3 bruised apples of a 10斤 box, 按斤: 1 斤 of 10 斤 suggests a tenth of the line, live in that measure', () => {
    const tenJinBox = { unit: '箱' as const, netWeightG: 5000, quantity: 1, lineTotalFen: 5990 }
    expect(lineSuggestionFen(tenJinBox, parseAffected(tenJinBox, '1', 'g'), 'g')).toBe(599)
    // the same "1" by the box is the whole box
    expect(lineSuggestionFen(tenJinBox, parseAffected(tenJinBox, '1', 'unit'), 'unit')).toBe(5990)
  })
})

describe('how a claim reads on its progress page', () => {
  it('gives the farmer’s deadline in China time while the farmer has to answer', () => {
    expect(deadlineText({ status: 'open', farmerDeadline: '2026-12-04T07:00:00.000Z' })).toBe('农户需在 12月4日 15:00 前处理，逾期自动转合作社')
    expect(deadlineText({ status: 'offered', farmerDeadline: '2026-12-04T07:00:00.000Z' })).toBeNull()
  })

  it('shows the farmer’s and the final figure once there are such, and the buttons the server allows', () => {
    expect(claimFigures({ suggestedFen: 1920, offeredFen: null, settledFen: null }).map((f) => f.label)).toEqual(['建议退款'])
    expect(claimFigures({ suggestedFen: 1920, offeredFen: 1500, settledFen: 1500 }).map((f) => [f.label, f.fen])).toEqual([
      ['建议退款', 1920],
      ['农户提出', 1500],
      ['最终退款', 1500],
    ])
    expect(buyerSteps({ actions: ['accept_offer', 'ask_cooperative', 'withdraw'] }).map((s) => s.label)).toEqual(['撤回', '请合作社处理', '接受'])
    expect(buyerSteps({ actions: [] })).toEqual([])
  })
})
