/**
 * Shipping fees by freight template (运费模板): a cooperative's default, or a farmer's own which
 * overrides it. A template charges by the parcel's weight (`weight`: grams) or by pieces
 * (`piece`: 箱), per zone of provinces: the first units for a fee, each further step (or part of
 * one) for another; orders whose items reach `freeFromFen` ship free; some provinces are not
 * served at all (perishables). The fee rules live here, pure, for the preview, the placement and
 * the pages alike.
 */
import { formatFen } from './money'

export const FREIGHT_BASES = ['weight', 'piece'] as const
export type FreightBasis = (typeof FREIGHT_BASES)[number]

/** The 34 provincial-level divisions by their full names (how templates and zones name them). */
export const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '香港特别行政区',
  '澳门特别行政区',
  '台湾省',
] as const
export type Province = (typeof PROVINCES)[number]

const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/
/** 贵州, 新疆, 内蒙古 …: no short name is the start of another, so a prefix names one province. */
const SHORT_NAMES: readonly (readonly [string, Province])[] = PROVINCES.map((p) => [p.replace(SUFFIX, ''), p] as const)

/**
 * A province as a buyer or a form types it → its full name: '贵州' → '贵州省', '新疆' →
 * '新疆维吾尔自治区', ' 广东省深圳市' → '广东省'; null when it names no province.
 */
export function normalizeProvince(input: string): Province | null {
  const text = input.replace(/\s+/g, '')
  if (text === '') return null
  const exact = PROVINCES.find((p) => p === text)
  if (exact) return exact
  const hit = SHORT_NAMES.find(([short]) => text.startsWith(short))
  return hit ? hit[1] : null
}

/** One group of provinces: the first `firstUnits` for `firstFeeFen`, each further `stepUnits` (or part) for `stepFeeFen`. */
export interface FreightZoneRule {
  /** Empty: the fallback zone, for every province no other zone names. */
  provinces: readonly string[]
  firstUnits: number
  firstFeeFen: number
  stepUnits: number
  stepFeeFen: number
}

/** What prices a parcel: the parts of a freight template the fee depends on. */
export interface FreightRules {
  basis: FreightBasis
  zones: readonly FreightZoneRule[]
  /** Items total (fen) from which the parcel ships free; null: never free. */
  freeFromFen: number | null
  notServed: readonly string[]
}

export interface FreightQuote {
  feeFen: number
  /** True when the template does not ship to this province at all. */
  notServed: boolean
  /** In Chinese, for the buyer: where, the rule, and on how much. */
  explanation: string
}

/** The zone that prices a province: the one naming it, else the fallback (no provinces); null province: the fallback. */
export function zoneFor(rules: Pick<FreightRules, 'zones'>, province: string | null): FreightZoneRule {
  const full = province === null ? null : (normalizeProvince(province) ?? province)
  const named = full === null ? undefined : rules.zones.find((z) => z.provinces.includes(full))
  const zone = named ?? rules.zones.find((z) => z.provinces.length === 0)
  if (!zone) throw new Error('freight template without a fallback zone')
  return zone
}

/** Whether the rules refuse this province. */
export function isNotServed(rules: Pick<FreightRules, 'notServed'>, province: string | null): boolean {
  if (province === null) return false
  const full = normalizeProvince(province) ?? province
  return rules.notServed.includes(full)
}

/** The zone's fee for this many units, before any free-from: integers only. */
export function zoneFeeFen(zone: FreightZoneRule, units: number): number {
  if (units <= 0) return 0
  const steps = Math.ceil(Math.max(0, units - zone.firstUnits) / zone.stepUnits)
  return zone.firstFeeFen + steps * zone.stepFeeFen
}

/** 1000 → "1kg", 500 → "0.5kg", 2250 → "2.25kg"; pieces → "3件". */
export function formatFreightUnits(basis: FreightBasis, units: number): string {
  if (basis === 'piece') return `${units}件`
  return `${Math.round(units) / 1000}kg`
}

/** "首重1kg ¥8.00，续重每1kg ¥2.00" or "首件1件 ¥10.00，续件每1件 ¥5.00". */
export function zoneRuleText(basis: FreightBasis, zone: FreightZoneRule): string {
  const [first, step] = basis === 'weight' ? ['首重', '续重'] : ['首件', '续件']
  const stepText = zone.stepFeeFen === 0 ? `${step}不加价` : `${step}每${formatFreightUnits(basis, zone.stepUnits)} ${formatFen(zone.stepFeeFen)}`
  return `${first}${formatFreightUnits(basis, zone.firstUnits)} ${formatFen(zone.firstFeeFen)}，${stepText}`
}

/**
 * The fee of one farmer's parcel to a province (null: no address yet, priced by the fallback
 * zone): not served → refused; items reaching `freeFromFen` → free; else the zone's first fee
 * plus one step fee for each further step or part of one. No rules (no template): free, served everywhere.
 */
export function freightFee(rules: FreightRules | null, province: string | null, parcel: { units: number; itemsFen: number }): FreightQuote {
  const where = province === null ? '未选收货地址' : (normalizeProvince(province) ?? province)
  if (rules === null) return { feeFen: 0, notServed: false, explanation: '包邮' }
  if (isNotServed(rules, province)) return { feeFen: 0, notServed: true, explanation: `${where}不发货` }
  if (parcel.units <= 0) return { feeFen: 0, notServed: false, explanation: '无需运费' }
  if (rules.freeFromFen !== null && parcel.itemsFen >= rules.freeFromFen) {
    return { feeFen: 0, notServed: false, explanation: `满${formatFen(rules.freeFromFen)}包邮` }
  }
  const zone = zoneFor(rules, province)
  const feeFen = zoneFeeFen(zone, parcel.units)
  const free = rules.freeFromFen === null ? '' : ` · 满${formatFen(rules.freeFromFen)}包邮`
  return { feeFen, notServed: false, explanation: `${where} · ${zoneRuleText(rules.basis, zone)} · 共${formatFreightUnits(rules.basis, parcel.units)}${free}` }
}

/** A line of an order as freight counts it: a parcel weight per unit (packaging included) or the net weight. */
export interface FreightLine {
  netWeightG: number
  parcelWeightG: number | null
  quantity: number
}

/** What a farmer's parcel weighs or counts: Σ parcel weight × quantity in grams (weight), Σ quantity (piece). */
export function freightUnits(basis: FreightBasis, lines: readonly FreightLine[]): number {
  if (basis === 'piece') return lines.reduce((n, l) => n + l.quantity, 0)
  return lines.reduce((g, l) => g + (l.parcelWeightG ?? l.netWeightG) * l.quantity, 0)
}

/**
 * A template's zones and not-served list as a manager or farmer sent them → the same with full province names, or the
 * reason it cannot price every province exactly once (INVALID_FREIGHT_TEMPLATE): exactly one
 * fallback zone; every province known, in at most one zone, and never both in a zone and not served.
 */
export function validateTemplate(
  rules: Pick<FreightRules, 'zones' | 'notServed'>,
): { ok: true; zones: FreightZoneRule[]; notServed: Province[] } | { ok: false; reason: string } {
  const full = (list: readonly string[]): Province[] | string => {
    const out: Province[] = []
    for (const p of list) {
      const name = normalizeProvince(p)
      if (name === null) return `${p} is not a province`
      out.push(name)
    }
    return out
  }
  const fallbacks = rules.zones.filter((z) => z.provinces.length === 0).length
  if (fallbacks !== 1) return { ok: false, reason: `A template needs exactly one zone with no provinces (the fallback); it has ${fallbacks}` }
  const seen = new Set<Province>()
  const zones: FreightZoneRule[] = []
  for (const z of rules.zones) {
    const provinces = full(z.provinces)
    if (typeof provinces === 'string') return { ok: false, reason: provinces }
    for (const p of provinces) {
      if (seen.has(p)) return { ok: false, reason: `${p} is in more than one zone` }
      seen.add(p)
    }
    zones.push({ ...z, provinces })
  }
  const notServed = full(rules.notServed)
  if (typeof notServed === 'string') return { ok: false, reason: notServed }
  if (new Set(notServed).size !== notServed.length) return { ok: false, reason: 'A province is listed twice as not served' }
  const both = notServed.find((p) => seen.has(p))
  if (both) return { ok: false, reason: `${both} is both in a zone and not served` }
  return { ok: true, zones, notServed }
}
