/**
 * The listing form as a farmer fills it in: plain strings as typed (price in 元, weight in 斤),
 * checked step by step and turned into the API's input. Pure: no Taro, no React.
 */
import type { ListingDto, ListingInputDto } from '@contracts/farmer-listings'
import { chinaDate } from '@domain/china-time'
import { addDays } from '@domain/dates'
import { LIMITS } from '@domain/limits'
import { fenToYuanInput, yuanToFen } from '@domain/money'
import { GRAMS_PER_JIN, type Unit } from '@domain/units'

export const STEPS = ['照片', '名称与介绍', '规格与价格', '采摘与发货'] as const
export const DRAFT_VERSION = 1

export interface DraftPhoto {
  key: string
  thumbUrl: string
}

export interface DraftSpec {
  /** The spec's id when editing a product that has it. */
  id?: number
  name: string
  /** Price as typed, in 元. */
  price: string
  unit: Unit
  /** Net weight as typed, in 斤. */
  weightJin: string
  stock: string
  /** The stock the server had when this spec was loaded for editing: the server applies the change. */
  stockWas?: number
  /** Ask for the weight even for 斤/kg (a spec saved with some other weight per unit). */
  askWeight?: boolean
  /** 包装后重量 as typed (optional, for the shipping fee; empty: the net weight counts), in `parcelUnit`. */
  parcelWeight?: string
  parcelUnit?: ParcelUnit
}

/** The parcel weight is typed in 斤 or in 公斤, as the farmer weighs it. */
export type ParcelUnit = '斤' | 'kg'

export interface ListingDraft {
  version: number
  productId: number | null
  step: number
  photos: DraftPhoto[]
  title: string
  description: string
  categoryId: string
  origin: string
  specs: DraftSpec[]
  harvestStart: string
  harvestEnd: string
  presale: boolean
  shipsFrom: string
}

/** How the unit reads in a sentence ("每公斤价格"). */
export const UNIT_WORDS: Record<Unit, string> = { 斤: '斤', kg: '公斤', 箱: '箱', 个: '个' }
/** One 斤 weighs 1 斤 and one kg 2 斤: the weight a farmer need not type. */
const NATURAL_JIN: Partial<Record<Unit, string>> = { 斤: '1', kg: '2' }

export const newSpec = (): DraftSpec => ({ name: '', price: '', unit: '斤', weightJin: '1', stock: '' })

/** Whether the form asks for the weight: always for a box or piece; for 斤/kg only when saved with another weight. */
export function needsWeight(spec: DraftSpec): boolean {
  return NATURAL_JIN[spec.unit] === undefined || !!spec.askWeight
}

/** Picks a unit; an untouched natural weight follows it (1 斤, 2 斤 per kg), a box or piece asks for its own. */
export function withUnit(spec: DraftSpec, unit: Unit): DraftSpec {
  const natural = NATURAL_JIN[unit]
  if (natural !== undefined) return { ...spec, unit, weightJin: natural, askWeight: false }
  const untouched = spec.weightJin.trim() === '' || spec.weightJin === NATURAL_JIN[spec.unit]
  return { ...spec, unit, weightJin: untouched ? '' : spec.weightJin }
}

/** A new listing: harvest from today for a month, one spec sold by the 斤. */
export function emptyDraft(today = chinaDate()): ListingDraft {
  return {
    version: DRAFT_VERSION,
    productId: null,
    step: 0,
    photos: [],
    title: '',
    description: '',
    categoryId: '',
    origin: '',
    specs: [newSpec()],
    harvestStart: today,
    harvestEnd: addDays(today, 30),
    presale: false,
    shipsFrom: today,
  }
}

/** '5' → 2500, '2.5' → 1250: 斤 with at most one decimal → grams. */
export function jinToGrams(text: string): number | null {
  const m = /^(\d{1,4})(\.\d)?$/.exec(text.trim())
  if (!m) return null
  const grams = Math.round(Number(text.trim()) * GRAMS_PER_JIN)
  return grams > 0 && grams <= LIMITS.netWeightGMax ? grams : null
}

/** The parcel weight as typed → grams: '' → null (not given); a bad number → undefined. */
export function parcelGrams(text: string | undefined, unit: ParcelUnit = '斤'): number | null | undefined {
  const t = (text ?? '').trim()
  if (t === '') return null
  if (unit === '斤') return jinToGrams(t) ?? undefined
  if (!/^\d{1,4}(\.\d)?$/.test(t)) return undefined
  const grams = Math.round(Number(t) * 10) * 100
  return grams > 0 && grams <= LIMITS.netWeightGMax ? grams : undefined
}

export function gramsToJinText(grams: number): string {
  return String(Math.round((grams / GRAMS_PER_JIN) * 10) / 10)
}

/** The spec's name, or one made from its unit and weight ("1斤", "5斤装") when the farmer left it empty. */
export function specName(spec: DraftSpec): string {
  const typed = spec.name.trim()
  if (typed) return typed
  const w = spec.weightJin.trim()
  if (!w) return ''
  if (spec.unit === '斤' && w === '1') return '1斤'
  if (spec.unit === 'kg' && w === '2') return '1公斤'
  return spec.unit === '个' ? `每个约${w}斤` : `${w}斤装`
}

export function draftFromListing(l: ListingDto): ListingDraft {
  return {
    version: DRAFT_VERSION,
    productId: l.id,
    step: 0,
    photos: l.photos.map((p) => ({ key: p.key, thumbUrl: p.thumbUrl })),
    title: l.title,
    description: l.description,
    categoryId: l.categoryId,
    origin: l.origin,
    specs: l.specs.map((s) => {
      const weightJin = gramsToJinText(s.netWeightG)
      // no parcel weight saved: left out (untouched, the input says nothing about it)
      const parcel = s.parcelWeightG === null ? {} : { parcelWeight: gramsToJinText(s.parcelWeightG), parcelUnit: '斤' as const }
      return { id: s.id, name: s.name, price: fenToYuanInput(s.priceFen), unit: s.unit, weightJin, stock: String(s.stock), stockWas: s.stock, askWeight: weightJin !== NATURAL_JIN[s.unit], ...parcel }
    }),
    harvestStart: l.harvestStart,
    harvestEnd: l.harvestEnd,
    presale: l.shipsFrom !== null,
    shipsFrom: l.shipsFrom ?? l.harvestStart,
  }
}

/** What is wrong on one step, in words a farmer understands; null when the step is complete. */
export function stepProblem(d: ListingDraft, step: number): string | null {
  if (step === 0) return d.photos.length === 0 ? '请至少添加一张照片' : null
  if (step === 1) {
    if (!d.title.trim()) return '请填写商品名称'
    if (d.title.trim().length > LIMITS.titleMax) return `商品名称不能超过${LIMITS.titleMax}个字`
    if (d.description.length > LIMITS.descriptionMax) return `介绍不能超过${LIMITS.descriptionMax}个字`
    return d.categoryId ? null : '请选择商品分类'
  }
  if (step === 2) {
    if (d.specs.length === 0) return '请至少填写一个规格'
    const names = new Set<string>()
    for (const [i, s] of d.specs.entries()) {
      const which = d.specs.length > 1 ? `第${i + 1}个规格：` : ''
      const fen = yuanToFen(s.price)
      if (fen === null) return `${which}价格请填数字，最多两位小数，如 12.8`
      if (fen <= 0 || fen > LIMITS.priceFenMax) return `${which}价格要大于0`
      const net = jinToGrams(s.weightJin)
      if (net === null) return `${which}净重请填斤数，如 5 或 2.5`
      const parcel = parcelGrams(s.parcelWeight, s.parcelUnit)
      if (parcel === undefined) return `${which}包装后重量请填${s.parcelUnit === 'kg' ? '公斤' : '斤'}数，如 5 或 2.5；不知道就空着`
      if (parcel !== null && parcel < net) return `${which}包装后重量不能比净重轻`
      if (!/^\d{1,6}$/.test(s.stock.trim()) || Number(s.stock) > LIMITS.stockMax) return `${which}库存请填整数，如 50`
      const name = specName(s)
      if (name.length > LIMITS.specNameMax) return `${which}规格名称太长了`
      if (names.has(name)) return `${which}和前面的规格重名了`
      names.add(name)
    }
    return null
  }
  if (d.harvestEnd < d.harvestStart) return '采摘结束日期不能早于开始日期'
  if (d.presale && (d.shipsFrom < d.harvestStart || d.shipsFrom > d.harvestEnd)) return '发货日期要在采摘期内'
  return null
}

export type DraftCheck = { ok: true; input: ListingInputDto } | { ok: false; step: number; message: string }

export function draftToInput(d: ListingDraft): DraftCheck {
  for (let step = 0; step < STEPS.length; step++) {
    const message = stepProblem(d, step)
    if (message) return { ok: false, step, message }
  }
  return {
    ok: true,
    input: {
      title: d.title.trim(),
      description: d.description.trim(),
      categoryId: d.categoryId,
      ...(d.origin.trim() ? { origin: d.origin.trim() } : {}),
      photos: d.photos.map((p) => p.key),
      harvestStart: d.harvestStart,
      harvestEnd: d.harvestEnd,
      shipsFrom: d.presale ? d.shipsFrom : null,
      specs: d.specs.map((s) => ({
        ...(s.id === undefined ? {} : { id: s.id }),
        name: specName(s),
        priceFen: yuanToFen(s.price)!,
        unit: s.unit,
        netWeightG: jinToGrams(s.weightJin)!,
        // never typed: left out (the server keeps what it has); emptied: null, the net weight counts
        ...(s.parcelWeight === undefined ? {} : { parcelWeightG: parcelGrams(s.parcelWeight, s.parcelUnit) ?? null }),
        stock: Number(s.stock.trim()),
        ...(s.id === undefined || s.stockWas === undefined ? {} : { stockWas: s.stockWas }),
      })),
    },
  }
}
