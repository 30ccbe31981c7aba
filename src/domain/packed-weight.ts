/**
 * Catch-weight lines: what was ordered and packed of a line sold by weight (斤 or kg), what the
 * farmer types when shipping, and how the line reads to the buyer afterwards. The refund rule
 * itself (tolerance, price per gram) is `weightShortfallRefundFen` in claim-states.ts.
 */
import { weightShortfallRefundFen } from './claim-states'
import { formatFen } from './money'
import type { RefundStatus } from './payment-states'
import { GRAMS_PER_JIN, type Unit } from './units'

/** The largest packed weight a line may state, in grams (10 t). */
export const MAX_PACKED_G = 10_000_000

/** What a line needs for the catch-weight rules. */
export interface WeighedLine {
  unit: Unit
  netWeightG: number
  quantity: number
  lineTotalFen: number
  packedWeightG: number | null
}

export type WeightUnit = '斤' | 'kg'

/** Lines in 斤 or kg are sold by weight (a packed weight may be stated); 箱 and 个 are not. */
export function isSoldByWeight(unit: Unit): unit is WeightUnit {
  return unit === '斤' || unit === 'kg'
}

const GRAMS_PER: Record<WeightUnit, number> = { 斤: GRAMS_PER_JIN, kg: 1000 }
/** Decimals a farmer may type: 0.01 斤 = 5 g and 0.001 kg = 1 g, so every input is whole grams. */
const DECIMALS: Record<WeightUnit, number> = { 斤: 2, kg: 3 }

/** The weight ordered for a line: net weight per unit × quantity, in grams. */
export function orderedGrams(line: Pick<WeighedLine, 'netWeightG' | 'quantity'>): number {
  return line.netWeightG * line.quantity
}

/** Grams in the line's unit, trimmed: 4750 g → "9.5斤", 4750 g in kg → "4.75kg". */
export function formatWeightIn(unit: WeightUnit, grams: number): string {
  const value = (grams / GRAMS_PER[unit]).toFixed(DECIMALS[unit]).replace(/\.?0+$/, '')
  return `${value}${unit}`
}

/**
 * What a farmer typed as the packed weight in the line's unit → grams: '9.5' 斤 → 4750.
 * Empty → null (as ordered). Anything else that is not a plain positive number with at most
 * 2 decimals (斤) or 3 (kg), or is above MAX_PACKED_G, → 'invalid'.
 */
export function parsePackedInput(unit: WeightUnit, input: string): number | null | 'invalid' {
  const text = input.trim()
  if (text === '') return null
  const m = /^(\d{1,8})(?:\.(\d*))?$/.exec(text)
  if (!m || (m[2] ?? '').length > DECIMALS[unit]) return 'invalid'
  const scale = 10 ** DECIMALS[unit]
  const scaled = Number(m[1]) * scale + Number((m[2] ?? '').padEnd(DECIMALS[unit], '0'))
  const grams = (scaled * GRAMS_PER[unit]) / scale
  if (!Number.isSafeInteger(grams) || grams < 1 || grams > MAX_PACKED_G) return 'invalid'
  return grams
}

/** What this line gives back for being packed short (0 when it is not sold by weight, not weighed, or within tolerance). */
export function lineShortfallRefundFen(line: WeighedLine): number {
  if (!isSoldByWeight(line.unit) || line.packedWeightG === null) return 0
  return weightShortfallRefundFen(line.lineTotalFen, orderedGrams(line), line.packedWeightG)
}

/**
 * The farmer's live hint under the packed-weight field, before confirming:
 * "少 0.5斤，将自动退 ¥5.00", "少 0.1斤，在误差范围内，不退款", "多 0.3斤，不加收".
 * null when nothing was typed or it equals the ordered weight.
 */
export function packedHintText(line: Omit<WeighedLine, 'packedWeightG'>, packedG: number | null): string | null {
  if (!isSoldByWeight(line.unit) || packedG === null) return null
  const diff = packedG - orderedGrams(line)
  if (diff === 0) return null
  if (diff > 0) return `多 ${formatWeightIn(line.unit, diff)}，不加收`
  const refund = lineShortfallRefundFen({ ...line, packedWeightG: packedG })
  const short = `少 ${formatWeightIn(line.unit, -diff)}`
  return refund > 0 ? `${short}，将自动退 ${formatFen(refund)}` : `${short}，在误差范围内，不退款`
}

const REFUND_WORD: Record<RefundStatus, string> = {
  processing: '退款中',
  abnormal: '退款中',
  succeeded: '已退',
  closed: '退款关闭',
  failed: '退款失败',
}

/**
 * How a weighed line reads to the buyer: "下单 10斤 · 实发 9.5斤 · 已退 ¥5.00" ("退款中" while
 * WeChat is paying it back). `refund` is the order's weight-adjustment refund (its status) with
 * the amount to show for this line. null for lines not sold by weight or shipped as ordered.
 */
export function packedLineText(line: WeighedLine, refund: { status: RefundStatus; amountFen: number } | null): string | null {
  if (!isSoldByWeight(line.unit) || line.packedWeightG === null) return null
  const text = `下单 ${formatWeightIn(line.unit, orderedGrams(line))} · 实发 ${formatWeightIn(line.unit, line.packedWeightG)}`
  if (!refund || refund.amountFen <= 0) return text
  return `${text} · ${REFUND_WORD[refund.status]} ${formatFen(refund.amountFen)}`
}
