/**
 * How a claim measures an order line — grams (`g`, any line: every spec has a net weight; the
 * only measure for 斤/kg lines) or whole units (`unit`, 箱/个 lines only) — the suggested refund
 * of the lines asked for, and the request's canonical form (an Idempotency-Key used again with
 * another body is refused).
 */
import { suggestedLineRefundFen, type ClaimMeasure, type ClaimReason } from '@domain/claim-states'
import { sumFen } from '@domain/money'
import { isSoldByWeight } from '@domain/packed-weight'
import type { Unit } from '@domain/units'
import { AppError } from '../../http/errors'

export interface MeasuredLine {
  id: number
  unit: Unit
  netWeightG: number
  quantity: number
  lineTotalFen: number
}

/** A line as the buyer asks for it; without a measure, the line's default. */
export interface AskedLine {
  orderItemId: number
  affected: number
  measure?: ClaimMeasure
}

/** The measure a line is claimed in when the buyer names none: grams for 斤/kg lines, units for 箱/个. */
export function defaultMeasure(unit: Unit): ClaimMeasure {
  return isSoldByWeight(unit) ? 'g' : 'unit'
}

/** Whether a line may be claimed in this measure: grams always, units only for 箱/个 lines. */
export function measureAllowed(unit: Unit, measure: ClaimMeasure): boolean {
  return measure === 'g' || !isSoldByWeight(unit)
}

/** What was ordered of a line in a measure: net weight × quantity in grams, or the quantity. */
export function orderedMeasure(line: Pick<MeasuredLine, 'netWeightG' | 'quantity'>, measure: ClaimMeasure): number {
  return measure === 'g' ? line.netWeightG * line.quantity : line.quantity
}

export interface PlannedLine {
  orderItemId: number
  measure: ClaimMeasure
  /** Capped at what was ordered (in the measure). */
  affected: number
  suggestedFen: number
}

/**
 * The lines a claim covers, each checked against the order's lines (INVALID_CLAIM_LINE for a line
 * of another order, the same line twice, or whole units of a line sold by weight), in the asked
 * measure or the line's default, `affected` capped at what was ordered in that measure.
 */
export function planLines(asked: readonly AskedLine[], orderLines: readonly MeasuredLine[]): PlannedLine[] {
  const byId = new Map(orderLines.map((l) => [l.id, l]))
  const seen = new Set<number>()
  return asked.map(({ orderItemId, affected, measure: askedMeasure }) => {
    const line = byId.get(orderItemId)
    if (!line) throw new AppError('INVALID_CLAIM_LINE', `Line ${orderItemId} is not a line of this order`)
    if (seen.has(orderItemId)) throw new AppError('INVALID_CLAIM_LINE', `Line ${orderItemId} is listed twice`)
    seen.add(orderItemId)
    const measure = askedMeasure ?? defaultMeasure(line.unit)
    if (!measureAllowed(line.unit, measure)) throw new AppError('INVALID_CLAIM_LINE', `Line ${orderItemId} is sold by weight: claim it in grams`)
    const ordered = orderedMeasure(line, measure)
    const capped = Math.min(affected, ordered)
    return { orderItemId, measure, affected: capped, suggestedFen: suggestedLineRefundFen(line.lineTotalFen, capped, ordered) }
  })
}

/** Σ of the lines' suggestions, capped by what is left to refund of the order. */
export function suggestedTotalFen(lines: readonly PlannedLine[], refundableFen: number): number {
  return Math.min(sumFen(lines.map((l) => l.suggestedFen)), Math.max(0, refundableFen))
}

export interface ClaimRequest {
  orderId: number
  reason: ClaimReason
  note: string
  photos: readonly string[]
  lines: readonly AskedLine[]
}

/** One string per distinct request: lines in id order with their measure (as stated: resolve defaults first), the note trimmed. */
export function canonicalRequest(r: ClaimRequest): string {
  const lines = [...r.lines].sort((a, b) => a.orderItemId - b.orderItemId).map((l) => [l.orderItemId, l.measure ?? null, l.affected])
  return JSON.stringify([r.orderId, r.reason, r.note.trim(), [...r.photos], lines])
}
