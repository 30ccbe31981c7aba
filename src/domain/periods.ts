/**
 * Report periods: a China ISO week (2026-W48), a calendar month (2026-11) or a year (2026), each
 * as the China calendar days it covers (first and last, both inclusive) and the instants
 * [start, end) of those days. Pure; builds on weeks.ts and china-time.ts. Years 2000–2099, the
 * range the API's China dates take.
 */
import { chinaDate, chinaDayRange } from './china-time'
import { isoWeekOf, parseIsoWeek, weekDays, weekLabel, weekRangeLabel } from './weeks'

export const PERIOD_KINDS = ['week', 'month', 'year'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export interface PeriodRange {
  /** First China day (YYYY-MM-DD), inclusive. */
  from: string
  /** Last China day, inclusive. */
  to: string
  /** `from` 00:00 in China. */
  start: Date
  /** The day after `to`, 00:00 in China (exclusive). */
  end: Date
}

const MONTH = /^(20\d{2})-(0[1-9]|1[0-2])$/
const YEAR = /^20\d{2}$/

/** The period of `kind` holding the instant `now`, in China: week "2026-W48", month "2026-11", year "2026". */
export function currentPeriod(kind: PeriodKind, now: Date): string {
  if (kind === 'week') return isoWeekOf(now)
  const day = chinaDate(now)
  return kind === 'month' ? day.slice(0, 7) : day.slice(0, 4)
}

function days(kind: PeriodKind, at: string): { from: string; to: string } | null {
  if (kind === 'week') {
    const week = parseIsoWeek(at)
    if (!week || week.year < 2000 || week.year > 2099) return null
    const { first, last } = weekDays(at)
    return { from: first, to: last }
  }
  if (kind === 'month') {
    const m = MONTH.exec(at)
    if (!m) return null
    const year = Number(m[1])
    const month = Number(m[2])
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
    return { from: `${at}-01`, to: `${at}-${String(lastDay).padStart(2, '0')}` }
  }
  return YEAR.test(at) ? { from: `${at}-01-01`, to: `${at}-12-31` } : null
}

/** The China days and instants a period covers; null when `at` is not a period of `kind` (2026-11 as a week, 2026-13, 2026-W60). */
export function periodRange(kind: PeriodKind, at: string): PeriodRange | null {
  const d = days(kind, at)
  if (!d) return null
  return { ...d, start: chinaDayRange(d.from)!.start, end: chinaDayRange(d.to)!.end }
}

/** "2026年第48周（11月23日–11月29日）" · "2026年11月" · "2026年"; `at` must be a valid period of `kind`. */
export function periodLabel(kind: PeriodKind, at: string): string {
  if (kind === 'week') return days(kind, at) ? `${weekLabel(at)}（${weekRangeLabel(at)}）` : at
  if (kind === 'month') return `${at.slice(0, 4)}年${Number(at.slice(5, 7))}月`
  return `${at}年`
}

/** The days and instants from the start of `first` through the end of `last` (e.g. eight weeks of a trend). */
export function spanRange(first: PeriodRange, last: PeriodRange): PeriodRange {
  return { from: first.from, to: last.to, start: first.start, end: last.end }
}

/** The day a period's figures are "as of": its last day, or today while it is still running. */
export function asOfDay(range: { to: string }, now: Date): string {
  const today = chinaDate(now)
  return range.to < today ? range.to : today
}
