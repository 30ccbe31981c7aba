/** Catch-weight lines: the farmer's input, the live hint before shipping, and the buyer's line text. */
import { lineShortfallRefundFen, packedHintText, packedLineText, parsePackedInput } from '@domain/packed-weight'

const tenJin = { unit: '斤' as const, netWeightG: 500, quantity: 10, lineTotalFen: 10000 }
const fiveKg = { unit: 'kg' as const, netWeightG: 1000, quantity: 5, lineTotalFen: 4000 }
const box = { unit: '箱' as const, netWeightG: 5000, quantity: 2, lineTotalFen: 11980 }

describe('what the farmer types as the packed weight', () => {
  it('reads 斤 to the 0.01 and kg to the 0.001, as whole grams', () => {
    expect(parsePackedInput('斤', '9.5')).toBe(4750)
    expect(parsePackedInput('斤', ' 9.55 ')).toBe(4775)
    expect(parsePackedInput('斤', '10')).toBe(5000)
    expect(parsePackedInput('kg', '4.75')).toBe(4750)
    expect(parsePackedInput('kg', '0.001')).toBe(1)
  })

  it('leaves an empty field as ordered and refuses anything else', () => {
    expect(parsePackedInput('斤', '')).toBeNull()
    expect(parsePackedInput('斤', '   ')).toBeNull()
    for (const bad of ['0', '0.00', '9.555', '-1', '1e3', 'abc', '9,5', '20000.01']) expect(parsePackedInput('斤', bad)).toBe('invalid')
    expect(parsePackedInput('kg', '10000.001')).toBe('invalid')
  })
})

describe('the hint under the field before confirming', () => {
  it('says how much goes back for a shortfall beyond the tolerance', () => {
    expect(packedHintText(tenJin, 4750)).toBe('少 0.5斤，将自动退 ¥5.00')
    expect(packedHintText(fiveKg, 4500)).toBe('少 0.5kg，将自动退 ¥4.00')
  })

  it('says nothing goes back within the tolerance, nothing is charged above, nothing when as ordered', () => {
    expect(packedHintText(tenJin, 4950)).toBe('少 0.1斤，在误差范围内，不退款')
    expect(packedHintText(tenJin, 5150)).toBe('多 0.3斤，不加收')
    expect(packedHintText(tenJin, 5000)).toBeNull()
    expect(packedHintText(tenJin, null)).toBeNull()
    expect(packedHintText(box, 4000)).toBeNull()
  })
})

describe('how a weighed line reads to the buyer', () => {
  it('shows ordered, packed and the refund, refunded or still on its way', () => {
    const line = { ...tenJin, packedWeightG: 4750 }
    expect(lineShortfallRefundFen(line)).toBe(500)
    expect(packedLineText(line, { status: 'succeeded', amountFen: 500 })).toBe('下单 10斤 · 实发 9.5斤 · 已退 ¥5.00')
    expect(packedLineText(line, { status: 'processing', amountFen: 500 })).toBe('下单 10斤 · 实发 9.5斤 · 退款中 ¥5.00')
    expect(packedLineText({ ...fiveKg, packedWeightG: 4750 }, null)).toBe('下单 5kg · 实发 4.75kg')
  })

  it('shows nothing for lines shipped as ordered or not sold by weight', () => {
    expect(packedLineText({ ...tenJin, packedWeightG: null }, null)).toBeNull()
    expect(packedLineText({ ...box, packedWeightG: 9000 }, null)).toBeNull()
    expect(lineShortfallRefundFen({ ...box, packedWeightG: 1 })).toBe(0)
  })
})
