/**
 * The freight template editor's model (src/features/freight/template-draft.ts) and the checkout's
 * not-served notice (src/features/checkout/not-served.ts): pure, so tested here against the API's
 * schema and the domain's own template check.
 */
import Ajv from 'ajv'
import { FreightTemplateBody, type FreightTemplateDto } from '@contracts/freight'
import type { CheckoutPreviewDto } from '@contracts/orders'
import { validateTemplate } from '@domain/freight'
import {
  draftFromTemplate,
  draftToBody,
  emptyTemplateDraft,
  kgToGrams,
  placeProvince,
  withNewZone,
  withoutZone,
  type TemplateDraft,
} from '../../src/features/freight/template-draft'
import { notServedOf, hasStockProblem } from '../../src/features/checkout/not-served'

const ajv = new Ajv({ strict: false })

/** 云贵川 cheap by the kg, the rest dearer, Tibet not served, free from ¥59. */
function typed(): TemplateDraft {
  let d = withNewZone(emptyTemplateDraft())
  const [near, rest] = d.zones
  for (const p of ['贵州省', '云南省', '四川省']) d = placeProvince(d, p, { zone: near.key })
  d = placeProvince(d, '西藏自治区', 'notServed')
  d = {
    ...d,
    name: ' 生鲜运费 ',
    freeFrom: '59',
    shipsFrom: '贵州省威宁县',
    zones: d.zones.map((z) => (z.key === near.key ? { ...z, first: '1', firstFee: '8', step: '0.5', stepFee: '1' } : z.key === rest.key ? { ...z, first: '1', firstFee: '12', step: '1', stepFee: '4.5' } : z)),
  }
  return d
}

describe('freight template editor', () => {
  it('turns what was typed into the API body: kg → grams, 元 → fen, 其他地区 last with no provinces', () => {
    const checked = draftToBody(typed())
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.body).toEqual({
      name: '生鲜运费',
      basis: 'weight',
      zones: [
        { provinces: ['贵州省', '云南省', '四川省'], firstUnits: 1000, firstFeeFen: 800, stepUnits: 500, stepFeeFen: 100 },
        { provinces: [], firstUnits: 1000, firstFeeFen: 1200, stepUnits: 1000, stepFeeFen: 450 },
      ],
      freeFromFen: 5900,
      notServed: ['西藏自治区'],
      shipsFrom: '贵州省威宁县',
    })
    expect(ajv.validate(FreightTemplateBody, checked.body)).toBe(true)
    expect(validateTemplate(checked.body).ok).toBe(true)
  })

  it('keeps a province in one place: picking it elsewhere moves it, picking it again takes it out', () => {
    let d = typed()
    const near = d.zones[0]
    d = placeProvince(d, '贵州省', 'notServed')
    expect(d.zones[0].provinces).toEqual(['云南省', '四川省'])
    expect(d.notServed).toEqual(['西藏自治区', '贵州省'])
    d = placeProvince(d, '西藏自治区', { zone: near.key })
    expect(d.notServed).toEqual(['贵州省'])
    expect(d.zones[0].provinces).toContain('西藏自治区')
    d = placeProvince(d, '西藏自治区', { zone: near.key })
    expect(d.zones[0].provinces).not.toContain('西藏自治区')
  })

  it('never removes 其他地区, and adds new groups before it', () => {
    const d = typed()
    const fallback = d.zones.find((z) => z.fallback)!
    expect(withoutZone(d, fallback.key).zones).toHaveLength(2)
    const more = withNewZone(d)
    expect(more.zones.map((z) => z.fallback)).toEqual([false, false, true])
    expect(withoutZone(more, more.zones[1].key).zones).toHaveLength(2)
  })

  it.each([
    ['请填写模板名称', (d: TemplateDraft) => ({ ...d, name: ' ' })],
    ['分组2：请选择省份', (d: TemplateDraft) => withNewZone(d)],
    ['首重（公斤）请填公斤数', (d: TemplateDraft) => ({ ...d, zones: d.zones.map((z) => ({ ...z, first: '0.55' })) })],
    ['续重运费（元）请填金额', (d: TemplateDraft) => ({ ...d, zones: d.zones.map((z) => ({ ...z, stepFee: '' })) })],
    ['续件每（件）请填整数件数', (d: TemplateDraft) => ({ ...d, basis: 'piece' as const, zones: d.zones.map((z) => ({ ...z, step: '0.5' })) })],
    ['满多少元包邮', (d: TemplateDraft) => ({ ...d, freeFrom: '0' })],
  ])('refuses a draft saying "%s"', (message, change) => {
    const checked = draftToBody(change(typed()))
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toContain(message)
  })

  it('round-trips a saved template, 其他地区 last even when saved first', () => {
    const saved: FreightTemplateDto = {
      id: 3, farmerId: null, updatedAt: '2026-10-01T00:00:00.000Z', name: '按箱', basis: 'piece', freeFromFen: null, notServed: [], shipsFrom: '',
      zones: [
        { provinces: [], firstUnits: 1, firstFeeFen: 1000, stepUnits: 1, stepFeeFen: 500 },
        { provinces: ['广东省'], firstUnits: 2, firstFeeFen: 1500, stepUnits: 1, stepFeeFen: 600 },
      ],
    }
    const d = draftFromTemplate(saved)
    expect(d.zones.map((z) => [z.fallback, z.first, z.firstFee])).toEqual([[false, '2', '15'], [true, '1', '10']])
    const checked = draftToBody(d)
    expect(checked.ok && checked.body.zones).toEqual([saved.zones[1], saved.zones[0]])
    expect(kgToGrams('0.5')).toBe(500)
    expect(kgToGrams('0')).toBeNull()
  })
})

describe('checkout: goods that cannot go to the address', () => {
  const line = (specId: number, title: string, problem: 'NOT_SERVED' | 'SOLD_OUT' | null) => ({
    specId, productId: specId, title, specName: '5斤装', unit: '斤' as const, netWeightG: 2500, unitPriceFen: 2990, quantity: 1, lineTotalFen: 2990, stock: 9, cover: null, problem,
  })
  const group = (farmerId: number, notServed: boolean, lines: ReturnType<typeof line>[]) => ({
    farmer: { id: farmerId, name: `农户${farmerId}`, village: '村' }, lines, itemsFen: 2990, shippingFen: 0, totalFen: 2990,
    shippingRule: { feeFen: 0, freeFromFen: null },
    freight: { province: '西藏自治区', units: 2500, basis: 'weight' as const, feeFen: 0, freeFromFen: null, explanation: '西藏自治区不发货', notServed },
  })

  it('names the province and the goods of each farmer who does not ship there, in plain Chinese', () => {
    const preview: CheckoutPreviewDto = {
      groups: [group(1, true, [line(11, '高山洋芋', 'NOT_SERVED'), line(12, '苦荞', 'NOT_SERVED')]), group(2, false, [line(21, '猕猴桃', null)])],
      itemsFen: 8970, shippingFen: 0, totalFen: 8970, orderable: false,
    }
    expect(notServedOf(preview)).toEqual([{ farmerId: 1, province: '西藏自治区', specIds: [11, 12], text: '以下商品不能寄到西藏自治区：高山洋芋 5斤装、苦荞 5斤装（生鲜不发货地区）' }])
    expect(hasStockProblem(preview)).toBe(false)
    preview.groups[1].lines[0].problem = 'SOLD_OUT'
    expect(hasStockProblem(preview)).toBe(true)
  })
})
