/**
 * How the farmer's 售后 queue (src/farmer/features/claims/labels.ts) and the cooperative's 售后与退款
 * page (src/coop/features/after-sales/labels.ts) print a claim line: by the line's measure, not its
 * unit — grams as 斤 (also a 箱 claimed 按斤), whole units otherwise.
 */
import type { ClaimLineDto } from '@contracts/after-sales'
import { lineFigures as coopLineFigures } from '../../src/coop/features/after-sales/labels'
import { lineFigures as farmerLineFigures } from '../../src/farmer/features/claims/labels'

const line = (over: Partial<ClaimLineDto>): ClaimLineDto => ({
  orderItemId: 1,
  title: '威宁苹果',
  specName: '10斤装',
  unit: '箱',
  quantity: 1,
  measure: 'unit',
  ordered: 1,
  affected: 1,
  lineTotalFen: 5990,
  suggestedFen: 5990,
  ...over,
})

describe('a claim line as the farmer and the cooperative read it', () => {
  it('a 10斤 box claimed 按斤 for 3 bruised apples reads in 斤', () => {
    const byWeight = line({ measure: 'g', ordered: 5000, affected: 500, suggestedFen: 599 })
    expect(farmerLineFigures(byWeight)).toBe('下单 10斤 · 有问题 1斤')
    expect(coopLineFigures(byWeight)).toBe('下单 10斤 · 有问题 1斤 · 建议 ¥5.99')
  })

  it('a box claimed by the box reads in boxes, a 斤 line in 斤', () => {
    expect(farmerLineFigures(line({ quantity: 2, ordered: 2, affected: 1, suggestedFen: 2995 }))).toBe('下单 2箱 · 有问题 1箱')
    expect(coopLineFigures(line({ unit: '斤', specName: '散装', quantity: 4, measure: 'g', ordered: 2000, affected: 750, lineTotalFen: 1400, suggestedFen: 525 }))).toBe(
      '下单 4斤 · 有问题 1.5斤 · 建议 ¥5.25',
    )
  })
})
