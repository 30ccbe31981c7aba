/** How a freight template reads to a farmer or a manager: zones, rules, provinces. Pure. */
import type { FreightTemplateDto } from '@contracts/freight'
import { zoneRuleText, type FreightBasis, type FreightZoneRule } from '@domain/freight'

/** '新疆维吾尔自治区' → '新疆', '广东省' → '广东', '北京市' → '北京': what fits on a chip. */
export function shortProvince(name: string): string {
  const short = name.replace(/(特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, '')
  return short || name
}

/** "首重1kg ¥10.00，续重每1kg ¥5.00" or "首件1件 ¥8.00，续件每1件 ¥3.00" (the domain's words, as the checkout says them). */
export function zoneRule(zone: FreightZoneRule, basis: FreightBasis): string {
  return zoneRuleText(basis, zone)
}

/** The zone's provinces in short names, or 其他地区 for the zone that covers the rest. */
export function zonePlaces(provinces: readonly string[]): string {
  return provinces.length === 0 ? '其他地区' : provinces.map(shortProvince).join('、')
}

/** "按重量计费" / "按件计费". */
export const BASIS_WORDS: Record<FreightBasis, string> = { weight: '按重量', piece: '按件' }

/** A template's rows as a table shows them: the named zones first, 其他地区 last. */
export function tableRows(t: Pick<FreightTemplateDto, 'zones' | 'basis'>): { key: string; places: string; rule: string }[] {
  const named = t.zones.filter((z) => z.provinces.length > 0)
  const rest = t.zones.filter((z) => z.provinces.length === 0)
  return [...named, ...rest].map((z, i) => ({ key: `${i}:${z.provinces.join(',')}`, places: zonePlaces(z.provinces), rule: zoneRule(z, t.basis) }))
}
