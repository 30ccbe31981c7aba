/**
 * How much of a line a buyer says is affected, in the line's claim measure: grams (`g`: the
 * buyer types 斤, e.g. "1.5" — the only measure for lines sold by 斤/kg, and a choice on 箱/个
 * lines, since every spec has a net weight: "3 bruised apples" of a box are about 1斤) or whole
 * units (`unit`: 箱/个 lines, the default there). Pure: no Taro, no React. The suggestion is the
 * domain's suggestedLineRefundFen; the server's figure is the one that counts.
 */
import type { OrderItemDto } from '@contracts/orders'
import { suggestedLineRefundFen, type ClaimMeasure } from '@domain/claim-states'
import { formatWeightIn, isSoldByWeight, orderedGrams, parsePackedInput } from '@domain/packed-weight'
import type { Unit } from '@domain/units'

type Line = Pick<OrderItemDto, 'unit' | 'netWeightG' | 'quantity' | 'lineTotalFen'>

/** The measure a line starts in: 斤 (grams) for lines sold by weight, whole units for 箱/个. */
export function defaultMeasure(unit: Unit): ClaimMeasure {
  return isSoldByWeight(unit) ? 'g' : 'unit'
}

/** The measures the buyer may choose for a line: 按箱(个) or 按斤 for 箱/个 lines, only 斤 for 斤/kg lines. */
export function measuresFor(unit: Unit): readonly ClaimMeasure[] {
  return isSoldByWeight(unit) ? ['g'] : ['unit', 'g']
}

/** The toggle's words: "按箱" / "按个", "按斤". */
export function measureChoiceLabel(unit: Unit, measure: ClaimMeasure): string {
  return measure === 'g' ? '按斤' : `按${unit}`
}

/** What was ordered in a measure: grams (net weight × quantity) or units. */
export function orderedMeasure(line: Line, measure: ClaimMeasure = defaultMeasure(line.unit)): number {
  return measure === 'g' ? orderedGrams(line) : line.quantity
}

/** The word after the input: 斤 when measured in grams, else the line's unit. */
export function measureUnit(line: Pick<OrderItemDto, 'unit'>, measure: ClaimMeasure = defaultMeasure(line.unit)): string {
  return measure === 'g' ? '斤' : line.unit
}

/** An amount in a measure as the buyer reads it: 750 g → "1.5斤", 2 箱 → "2箱". */
export function formatMeasure(line: { unit: Unit; measure: ClaimMeasure }, amount: number): string {
  return line.measure === 'g' ? formatWeightIn('斤', amount) : `${amount}${line.unit}`
}

/** What was ordered as the claim form shows it: "4斤", "1箱（5斤）" (a 箱/个 line with its weight). */
export function orderedText(line: Line): string {
  const grams = formatMeasure({ unit: line.unit, measure: 'g' }, orderedGrams(line))
  return isSoldByWeight(line.unit) ? grams : `${line.quantity}${line.unit}（${grams}）`
}

export type AffectedInput = { ok: true; amount: number | null } | { ok: false; message: string }

/**
 * What the buyer typed → the affected amount in the measure (null when left empty: the line is
 * not claimed). Grams: a positive number of 斤 with at most 2 decimals; units: a whole number.
 * Never more than was ordered.
 */
export function parseAffected(line: Line, text: string, measure: ClaimMeasure = defaultMeasure(line.unit)): AffectedInput {
  const input = text.trim()
  if (input === '') return { ok: true, amount: null }
  if (!measuresFor(line.unit).includes(measure)) return { ok: false, message: '这件商品按斤计，请填写斤数' }
  const ordered = orderedMeasure(line, measure)
  let amount: number
  if (measure === 'g') {
    const grams = parsePackedInput('斤', input)
    if (grams === 'invalid' || grams === null) return { ok: false, message: '请填写斤数，如 1.5' }
    amount = grams
  } else {
    if (!/^\d{1,6}$/.test(input) || Number(input) < 1) return { ok: false, message: `请填写整数${line.unit}数` }
    amount = Number(input)
  }
  if (amount > ordered) return { ok: false, message: `不能超过下单的 ${formatMeasure({ unit: line.unit, measure }, ordered)}` }
  return { ok: true, amount }
}

/** The refund this affected amount suggests for the line (0 when nothing valid is typed). */
export function lineSuggestionFen(line: Line, affected: AffectedInput, measure: ClaimMeasure = defaultMeasure(line.unit)): number {
  if (!affected.ok || affected.amount === null) return 0
  return suggestedLineRefundFen(line.lineTotalFen, affected.amount, orderedMeasure(line, measure))
}
