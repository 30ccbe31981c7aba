/**
 * A freight template as the editor holds it: amounts as typed in 元, weights in kg (one decimal)
 * or pieces, turned into the API's body (fen, grams) with the first thing to fix in Chinese.
 * Pure: no Taro, no React.
 */
import type { FreightTemplateBodyDto, FreightTemplateDto, FreightZoneDto } from '@contracts/freight'
import type { FreightBasis } from '@domain/freight'
import { fenToYuanInput, yuanToFen } from '@domain/money'

export const NAME_MAX = 30
export const SHIPS_FROM_MAX = 40
export const ZONES_MAX = 20
const FEN_MAX = 10_000_000
const UNITS_MAX = 1_000_000

export interface ZoneDraft {
  /** Stable key for the list while zones are added and removed. */
  key: string
  /** The zone with no provinces: every province no other zone names. Always there, never removed. */
  fallback: boolean
  provinces: string[]
  first: string
  firstFee: string
  step: string
  stepFee: string
}

export interface TemplateDraft {
  name: string
  basis: FreightBasis
  zones: ZoneDraft[]
  /** 满多少元包邮, as typed; empty: never free. */
  freeFrom: string
  notServed: string[]
  shipsFrom: string
}

let nextKey = 0
const newKey = () => `z${++nextKey}`

export function newZone(fallback = false): ZoneDraft {
  return { key: newKey(), fallback, provinces: [], first: '1', firstFee: '', step: '1', stepFee: '' }
}

/** A new template: by weight, one 其他地区 zone. */
export function emptyTemplateDraft(): TemplateDraft {
  return { name: '默认运费', basis: 'weight', zones: [newZone(true)], freeFrom: '', notServed: [], shipsFrom: '' }
}

/** grams → '1', '0.5' (kg); pieces as they are. */
function unitsInput(units: number, basis: FreightBasis): string {
  return basis === 'weight' ? String(Math.round(units / 100) / 10) : String(units)
}

function zoneDraft(z: FreightZoneDto, basis: FreightBasis): ZoneDraft {
  return {
    key: newKey(),
    fallback: z.provinces.length === 0,
    provinces: [...z.provinces],
    first: unitsInput(z.firstUnits, basis),
    firstFee: fenToYuanInput(z.firstFeeFen),
    step: unitsInput(z.stepUnits, basis),
    stepFee: fenToYuanInput(z.stepFeeFen),
  }
}

/** The editor's draft of a saved template (named zones first, 其他地区 last), or a new one. */
export function draftFromTemplate(t: FreightTemplateDto | null): TemplateDraft {
  if (!t) return emptyTemplateDraft()
  const zones = t.zones.map((z) => zoneDraft(z, t.basis))
  const named = zones.filter((z) => !z.fallback)
  const rest = zones.filter((z) => z.fallback)
  return {
    name: t.name,
    basis: t.basis,
    zones: [...named, ...(rest.length > 0 ? rest.slice(0, 1) : [newZone(true)])],
    freeFrom: t.freeFromFen === null ? '' : fenToYuanInput(t.freeFromFen),
    notServed: [...t.notServed],
    shipsFrom: t.shipsFrom,
  }
}

/** '1' → 1000, '0.5' → 500: kg with at most one decimal → grams; null when not such a weight. */
export function kgToGrams(text: string): number | null {
  if (!/^\d{1,4}(\.\d)?$/.test(text.trim())) return null
  const grams = Math.round(Number(text.trim()) * 10) * 100
  return grams > 0 && grams <= UNITS_MAX ? grams : null
}

function pieces(text: string): number | null {
  if (!/^\d{1,6}$/.test(text.trim())) return null
  const n = Number(text.trim())
  return n > 0 && n <= UNITS_MAX ? n : null
}

function fee(text: string): number | null {
  const fen = yuanToFen(text)
  return fen !== null && fen <= FEN_MAX ? fen : null
}

/** What each field is called for this basis. */
export function fieldWords(basis: FreightBasis) {
  return basis === 'weight'
    ? { first: '首重（公斤）', firstFee: '首重运费（元）', step: '续重每（公斤）', stepFee: '续重运费（元）', unitsHint: '公斤数，最多一位小数，如 1 或 0.5' }
    : { first: '首件（件）', firstFee: '首件运费（元）', step: '续件每（件）', stepFee: '续件运费（元）', unitsHint: '整数件数，如 1' }
}

export function zoneTitle(zone: ZoneDraft, index: number): string {
  return zone.fallback ? '其他地区' : `分组${index + 1}`
}

export type DraftResult = { ok: true; body: FreightTemplateBodyDto } | { ok: false; message: string }

/** The API's body, or the first thing to fix. */
export function draftToBody(d: TemplateDraft): DraftResult {
  const name = d.name.trim()
  if (!name) return { ok: false, message: '请填写模板名称' }
  if (name.length > NAME_MAX) return { ok: false, message: `模板名称不能超过${NAME_MAX}个字` }
  const units = d.basis === 'weight' ? kgToGrams : pieces
  const words = fieldWords(d.basis)
  const seen = new Set<string>()
  const zones: FreightZoneDto[] = []
  for (const [i, z] of d.zones.entries()) {
    const which = zoneTitle(z, i)
    if (!z.fallback && z.provinces.length === 0) return { ok: false, message: `${which}：请选择省份，或删掉这个分组` }
    for (const p of z.provinces) {
      if (seen.has(p)) return { ok: false, message: `${p}出现在两个分组里，请只留一个` }
      if (d.notServed.includes(p)) return { ok: false, message: `${p}已设为不发货，请从${which}里去掉` }
      seen.add(p)
    }
    const firstUnits = units(z.first)
    const stepUnits = units(z.step)
    const firstFeeFen = fee(z.firstFee)
    const stepFeeFen = fee(z.stepFee)
    if (firstUnits === null) return { ok: false, message: `${which}：${words.first}请填${words.unitsHint}` }
    if (firstFeeFen === null) return { ok: false, message: `${which}：${words.firstFee}请填金额，如 10 或 8.5` }
    if (stepUnits === null) return { ok: false, message: `${which}：${words.step}请填${words.unitsHint}` }
    if (stepFeeFen === null) return { ok: false, message: `${which}：${words.stepFee}请填金额，不加钱填 0` }
    zones.push({ provinces: z.fallback ? [] : [...z.provinces], firstUnits, firstFeeFen, stepUnits, stepFeeFen })
  }
  if (zones.filter((z) => z.provinces.length === 0).length !== 1) return { ok: false, message: '需要且只能有一个“其他地区”分组' }
  let freeFromFen: number | null = null
  if (d.freeFrom.trim() !== '') {
    freeFromFen = fee(d.freeFrom)
    if (freeFromFen === null || freeFromFen === 0) return { ok: false, message: '满多少元包邮请填金额，如 99；不包邮就空着' }
  }
  const shipsFrom = d.shipsFrom.trim()
  if (shipsFrom.length > SHIPS_FROM_MAX) return { ok: false, message: `发货地不能超过${SHIPS_FROM_MAX}个字` }
  return { ok: true, body: { name, basis: d.basis, zones, freeFromFen, notServed: [...d.notServed], shipsFrom } }
}

/** Where a province goes: a zone (by key) or the provinces not served. */
export type Place = { zone: string } | 'notServed'

/**
 * Taps a province in the picker of `target`: taken out if it is already there, else moved there
 * from wherever it was (another zone, or 不发货地区), so a province is only ever in one place.
 */
export function placeProvince(d: TemplateDraft, province: string, target: Place): TemplateDraft {
  const inTarget = target === 'notServed' ? d.notServed.includes(province) : !!d.zones.find((z) => z.key === target.zone)?.provinces.includes(province)
  const without = (list: string[]) => list.filter((p) => p !== province)
  const zones = d.zones.map((z) => {
    const here = target !== 'notServed' && z.key === target.zone
    return { ...z, provinces: here && !inTarget ? [...without(z.provinces), province] : without(z.provinces) }
  })
  const notServed = target === 'notServed' && !inTarget ? [...without(d.notServed), province] : without(d.notServed)
  return { ...d, zones, notServed }
}

/** Province → where it is now ("分组2", "不发货"), for the pickers. */
export function placesOf(d: TemplateDraft): Map<string, string> {
  const map = new Map<string, string>()
  d.zones.forEach((z, i) => z.provinces.forEach((p) => map.set(p, zoneTitle(z, i))))
  d.notServed.forEach((p) => map.set(p, '不发货'))
  return map
}

/** A new zone goes before 其他地区, which stays last. */
export function withNewZone(d: TemplateDraft): TemplateDraft {
  if (d.zones.length >= ZONES_MAX) return d
  const named = d.zones.filter((z) => !z.fallback)
  const rest = d.zones.filter((z) => z.fallback)
  return { ...d, zones: [...named, newZone(), ...rest] }
}

/** Removes a zone; 其他地区 cannot be removed. */
export function withoutZone(d: TemplateDraft, key: string): TemplateDraft {
  return { ...d, zones: d.zones.filter((z) => z.fallback || z.key !== key) }
}
