/** The report's periods as the API names them (2026-W48 · 2026-11 · 2026): the current one, the one before or after, a title. */
import type { ReportPeriod } from '@contracts/households'
import { currentPeriod, periodLabel } from '@domain/periods'
import { addWeeks, weekLabel } from '@domain/weeks'

/** The period in progress in China. */
export function currentPeriodAt(period: ReportPeriod, now: Date = new Date()): string {
  return currentPeriod(period, now)
}

/** `delta` periods after `at` (negative: before). */
export function stepPeriodAt(period: ReportPeriod, at: string, delta: number): string {
  if (period === 'week') return addWeeks(at, delta)
  if (period === 'year') return String(Number(at) + delta)
  const months = Number(at.slice(0, 4)) * 12 + Number(at.slice(5, 7)) - 1 + delta
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`
}

/** 2026年第48周 · 2026年11月 · 2026年 (the days go on the line below). */
export function periodTitle(period: ReportPeriod, at: string): string {
  return period === 'week' ? weekLabel(at) : periodLabel(period, at)
}
