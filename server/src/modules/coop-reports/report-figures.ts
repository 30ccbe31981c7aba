/** Pure helpers turning rollup sums into the report's figures. */
import { gramsToKg } from '@domain/units'
import type { WeekChange, WeekTotalsDto } from '@contracts/coop'
import type { Static } from '@sinclair/typebox'
import type { Sums } from '../sales-rollup'

export const ZERO: Sums = { orders: 0, quantity: 0, weightG: 0, grossFen: 0, shippingFen: 0, refundsFen: 0 }

export function add(a: Sums, b: Sums): Sums {
  return {
    orders: a.orders + b.orders,
    quantity: a.quantity + b.quantity,
    weightG: a.weightG + b.weightG,
    grossFen: a.grossFen + b.grossFen,
    shippingFen: a.shippingFen + b.shippingFen,
    refundsFen: a.refundsFen + b.refundsFen,
  }
}

/** Gross, refunds and net (gross − refunds: goods only; shipping is reported apart). */
export function money(s: Sums) {
  return { grossFen: s.grossFen, refundsFen: s.refundsFen, netFen: s.grossFen - s.refundsFen }
}

export function totals(s: Sums, buyers: number, quantities: WeekTotalsDto['quantities']): WeekTotalsDto {
  return { orders: s.orders, buyers, quantities, weightKg: gramsToKg(s.weightG), shippingFen: s.shippingFen, ...money(s) }
}

/** Percent change with one decimal; null when there is nothing to compare with. */
function pctChange(current: number, previous: number): number | null {
  if (previous === 0) return null
  return Math.round(((current - previous) * 1000) / Math.abs(previous)) / 10
}

export function change(cur: WeekTotalsDto, prev: WeekTotalsDto): Static<typeof WeekChange> {
  const d = (a: number, b: number) => ({ delta: Math.round((a - b) * 1000) / 1000, pct: pctChange(a, b) })
  return {
    orders: d(cur.orders, prev.orders),
    buyers: d(cur.buyers, prev.buyers),
    weightKg: d(cur.weightKg, prev.weightKg),
    grossFen: d(cur.grossFen, prev.grossFen),
    refundsFen: d(cur.refundsFen, prev.refundsFen),
    netFen: d(cur.netFen, prev.netFen),
  }
}

/** Share of `part` in `whole`, percent with one decimal; null when the whole is not positive. */
export function sharePct(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null
}

/** Largest gross first, then by name for a stable order. */
export function byGross<T extends { grossFen: number }>(key: (t: T) => string | number) {
  return (a: T, b: T) => b.grossFen - a.grossFen || String(key(a)).localeCompare(String(key(b)))
}
