/** Freight templates (运费模板): provinces as buyers type them, the zone that prices one, the fee, and what a template must say. */
import {
  PROVINCES,
  freightFee,
  freightUnits,
  normalizeProvince,
  validateTemplate,
  zoneFor,
  type FreightRules,
} from '@domain/freight'

/** A perishables template: the south-west cheap, the far west dear, the rest standard, Tibet not served, free from ¥99. */
const template: FreightRules = {
  basis: 'weight',
  zones: [
    { provinces: ['贵州省', '云南省', '四川省', '重庆市'], firstUnits: 1000, firstFeeFen: 800, stepUnits: 1000, stepFeeFen: 200 },
    { provinces: ['新疆维吾尔自治区', '青海省'], firstUnits: 1000, firstFeeFen: 2000, stepUnits: 1000, stepFeeFen: 1000 },
    { provinces: [], firstUnits: 1000, firstFeeFen: 1200, stepUnits: 500, stepFeeFen: 300 },
  ],
  freeFromFen: 9900,
  notServed: ['西藏自治区'],
}

describe('provinces', () => {
  it('lists the 34 provincial-level divisions once each, by full name', () => {
    expect(PROVINCES).toHaveLength(34)
    expect(new Set(PROVINCES).size).toBe(34)
    expect(PROVINCES).toEqual(expect.arrayContaining(['北京市', '新疆维吾尔自治区', '香港特别行政区', '澳门特别行政区', '台湾省', '广西壮族自治区']))
  })

  it('reads a province as buyers type it', () => {
    expect(normalizeProvince('贵州')).toBe('贵州省')
    expect(normalizeProvince('贵州省')).toBe('贵州省')
    expect(normalizeProvince(' 新疆 ')).toBe('新疆维吾尔自治区')
    expect(normalizeProvince('内蒙古')).toBe('内蒙古自治区')
    expect(normalizeProvince('广西自治区')).toBe('广西壮族自治区')
    expect(normalizeProvince('宁夏')).toBe('宁夏回族自治区')
    expect(normalizeProvince('北京')).toBe('北京市')
    expect(normalizeProvince('香港')).toBe('香港特别行政区')
    expect(normalizeProvince('广东省深圳市')).toBe('广东省')
    expect(normalizeProvince('陕西')).toBe('陕西省')
    expect(normalizeProvince('山西')).toBe('山西省')
    expect(normalizeProvince('火星')).toBeNull()
    expect(normalizeProvince('')).toBeNull()
  })
})

describe('the zone that prices a province', () => {
  it('is the zone naming it, else the fallback; with no address, the fallback', () => {
    expect(zoneFor(template, '贵州').firstFeeFen).toBe(800)
    expect(zoneFor(template, '新疆维吾尔自治区').firstFeeFen).toBe(2000)
    expect(zoneFor(template, '广东省').firstFeeFen).toBe(1200)
    expect(zoneFor(template, null).firstFeeFen).toBe(1200)
  })
})

describe('the fee of a parcel', () => {
  const fiveKg = { units: 5000, itemsFen: 5000 }

  it('fees for a 5 kg order to Guizhou, Guangdong and Xinjiang from one template match hand-computed figures', () => {
    // Guizhou: first 1 kg ¥8.00 + 4 further kg × ¥2.00 = ¥16.00
    expect(freightFee(template, '贵州省', fiveKg)).toEqual({
      feeFen: 1600,
      notServed: false,
      explanation: '贵州省 · 首重1kg ¥8.00，续重每1kg ¥2.00 · 共5kg · 满¥99.00包邮',
    })
    // Guangdong (the fallback): first 1 kg ¥12.00 + 8 further half-kilos × ¥3.00 = ¥36.00
    expect(freightFee(template, '广东', fiveKg)).toMatchObject({ feeFen: 3600, notServed: false })
    expect(freightFee(template, '广东', fiveKg).explanation).toBe('广东省 · 首重1kg ¥12.00，续重每0.5kg ¥3.00 · 共5kg · 满¥99.00包邮')
    // Xinjiang: first 1 kg ¥20.00 + 4 further kg × ¥10.00 = ¥60.00
    expect(freightFee(template, '新疆', fiveKg)).toMatchObject({ feeFen: 6000, notServed: false })
  })

  it('charges a part of a step as a whole step, and only the first fee up to the first units', () => {
    // 5.2 kg to Guizhou: ¥8.00 + 5 steps (4.2 kg, the last one part) × ¥2.00 = ¥18.00
    expect(freightFee(template, '贵州省', { units: 5200, itemsFen: 100 }).feeFen).toBe(1800)
    expect(freightFee(template, '贵州省', { units: 1000, itemsFen: 100 }).feeFen).toBe(800)
    expect(freightFee(template, '贵州省', { units: 300, itemsFen: 100 }).feeFen).toBe(800)
    expect(freightFee(template, '贵州省', { units: 1001, itemsFen: 100 }).feeFen).toBe(1000)
  })

  it('ships free once the items reach the free-from amount, and not a fen before', () => {
    expect(freightFee(template, '广东省', { units: 5000, itemsFen: 9899 }).feeFen).toBe(3600)
    expect(freightFee(template, '广东省', { units: 5000, itemsFen: 9900 })).toEqual({ feeFen: 0, notServed: false, explanation: '满¥99.00包邮' })
    expect(freightFee({ ...template, freeFromFen: null }, '广东省', { units: 5000, itemsFen: 1_000_000 }).feeFen).toBe(3600)
  })

  it('refuses a province that is not served, however much is ordered', () => {
    expect(freightFee(template, '西藏', { units: 5000, itemsFen: 50_000 })).toEqual({ feeFen: 0, notServed: true, explanation: '西藏自治区不发货' })
  })

  it('prices by the fallback zone before an address is chosen, and ships free with no template', () => {
    expect(freightFee(template, null, fiveKg)).toMatchObject({ feeFen: 3600, notServed: false })
    expect(freightFee(template, null, fiveKg).explanation).toMatch(/^未选收货地址 · /)
    expect(freightFee(null, '西藏自治区', fiveKg)).toEqual({ feeFen: 0, notServed: false, explanation: '包邮' })
  })

  it('charges per piece for a piece template', () => {
    const boxes: FreightRules = { basis: 'piece', zones: [{ provinces: [], firstUnits: 1, firstFeeFen: 1000, stepUnits: 1, stepFeeFen: 500 }], freeFromFen: null, notServed: [] }
    // 3 boxes: ¥10.00 + 2 × ¥5.00
    expect(freightFee(boxes, '浙江省', { units: 3, itemsFen: 20_000 })).toEqual({
      feeFen: 2000,
      notServed: false,
      explanation: '浙江省 · 首件1件 ¥10.00，续件每1件 ¥5.00 · 共3件',
    })
  })
})

describe('what a parcel weighs or counts', () => {
  it('adds the parcel weight (else the net weight) times the quantity, or the pieces', () => {
    const lines = [
      { netWeightG: 2500, parcelWeightG: 2900, quantity: 2 },
      { netWeightG: 500, parcelWeightG: null, quantity: 3 },
    ]
    expect(freightUnits('weight', lines)).toBe(2900 * 2 + 500 * 3)
    expect(freightUnits('piece', lines)).toBe(5)
  })
})

describe('what a template must say', () => {
  const zone = { firstUnits: 1000, firstFeeFen: 800, stepUnits: 1000, stepFeeFen: 200 }

  it('accepts one fallback zone and writes provinces by their full names', () => {
    const result = validateTemplate({ zones: [{ ...zone, provinces: ['贵州', '云南省'] }, { ...zone, provinces: [] }], notServed: ['西藏'] })
    expect(result).toEqual({ ok: true, zones: [{ ...zone, provinces: ['贵州省', '云南省'] }, { ...zone, provinces: [] }], notServed: ['西藏自治区'] })
  })

  it('refuses no fallback zone, or two', () => {
    expect(validateTemplate({ zones: [{ ...zone, provinces: ['贵州省'] }], notServed: [] })).toMatchObject({ ok: false })
    expect(validateTemplate({ zones: [{ ...zone, provinces: [] }, { ...zone, provinces: [] }], notServed: [] })).toMatchObject({ ok: false, reason: expect.stringContaining('exactly one') })
  })

  it('refuses a province in two zones (also when spelled two ways), one both in a zone and not served, and an unknown one', () => {
    expect(validateTemplate({ zones: [{ ...zone, provinces: ['贵州省'] }, { ...zone, provinces: ['贵州'] }, { ...zone, provinces: [] }], notServed: [] })).toMatchObject({
      ok: false,
      reason: '贵州省 is in more than one zone',
    })
    expect(validateTemplate({ zones: [{ ...zone, provinces: ['西藏自治区'] }, { ...zone, provinces: [] }], notServed: ['西藏'] })).toMatchObject({
      ok: false,
      reason: '西藏自治区 is both in a zone and not served',
    })
    expect(validateTemplate({ zones: [{ ...zone, provinces: ['火星'] }, { ...zone, provinces: [] }], notServed: [] })).toMatchObject({ ok: false })
    expect(validateTemplate({ zones: [{ ...zone, provinces: [] }], notServed: ['西藏', '西藏自治区'] })).toMatchObject({ ok: false })
  })
})
