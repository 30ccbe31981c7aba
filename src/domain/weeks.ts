/**
 * The business week: the ISO week (Monday to Sunday) in China. The two conversions everything
 * else is built on: `isoWeekOf` (an instant → its week) and `weekRange` (a week → its [start, end)
 * instants). dayjs with the utc and isoWeek plugins, on China wall-clock time from china-time.ts
 * (a fixed UTC+8 offset: exact, and it works on mini-program runtimes without Intl time zones).
 * The server's SQL twin is server/src/sql/china-time-sql.ts `chinaWeekSql`.
 */
import dayjs from 'dayjs'
import isoWeek from 'dayjs/plugin/isoWeek'
import utc from 'dayjs/plugin/utc'
import { chinaDayRange, chinaWallClock, fromChinaWallClock } from './china-time'

dayjs.extend(utc)
dayjs.extend(isoWeek)

const WEEK_MS = 7 * 24 * 60 * 60 * 1000
const ISO_WEEK = /^(\d{4})-W(\d{2})$/

/** A UTC-mode dayjs whose fields read as China wall-clock time. */
function chinaWall(at: Date | string | number): dayjs.Dayjs {
  return dayjs.utc(chinaWallClock(at).getTime())
}

/** The ISO week an instant falls in, in China: 2026-11-28T02:00Z → "2026-W48". */
export function isoWeekOf(at: Date | string | number): string {
  const d = chinaWall(at)
  if (!d.isValid()) throw new RangeError(`not an instant: ${String(at)}`)
  return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, '0')}`
}

function parse(week: string): { year: number; week: number } | null {
  const m = ISO_WEEK.exec(week)
  if (!m) return null
  const year = Number(m[1])
  const n = Number(m[2])
  if (year < 1970 || n < 1) return null
  // The last ISO week of a year is the one holding 28 December.
  const last = dayjs.utc(`${year}-12-28`).isoWeek()
  return n <= last ? { year, week: n } : null
}

export function isIsoWeek(value: unknown): value is string {
  return typeof value === 'string' && parse(value) !== null
}

/**
 * The instants a week covers: `start` is its Monday 00:00 in China, `end` the next Monday 00:00
 * (exclusive). "2026-W48" → 2026-11-22T16:00Z … 2026-11-29T16:00Z.
 */
export function weekRange(week: string): { start: Date; end: Date } {
  const parsed = parse(week)
  if (!parsed) throw new RangeError(`not an ISO week like 2026-W48: "${week}"`)
  // Week 1 is the week holding 4 January.
  const monday = dayjs.utc(`${parsed.year}-01-04`).startOf('isoWeek').add(parsed.week - 1, 'week')
  const start = fromChinaWallClock(monday.valueOf())
  return { start, end: new Date(start.getTime() + WEEK_MS) }
}

/** The week's first and last calendar days in China, YYYY-MM-DD: "2026-W48" → 2026-11-23, 2026-11-29. */
export function weekDays(week: string): { first: string; last: string } {
  const { start, end } = weekRange(week)
  const day = (at: Date) => chinaWall(at).format('YYYY-MM-DD')
  return { first: day(start), last: day(new Date(end.getTime() - 1)) }
}

// ---- week arithmetic for the cooperative's reports and statements ----

/** How many ISO weeks a year has: 53 when it starts on a Thursday (or a leap year on a Wednesday). */
export function weeksInIsoYear(year: number): number {
  return dayjs.utc(`${String(year).padStart(4, '0')}-12-28`).isoWeek()
}

/** "2026-W48" → { year: 2026, week: 48 }; null for anything that is not a real ISO week (2026-W60, 2025-W53). */
export function parseIsoWeek(value: unknown): { year: number; week: number } | null {
  return typeof value === 'string' ? parse(value) : null
}

/** The ISO week holding a China calendar day (YYYY-MM-DD): "2026-11-29" (a Sunday) → "2026-W48". */
export function weekOfDay(day: string): string {
  const range = chinaDayRange(day)
  if (!range) throw new RangeError(`not a day like 2026-11-28: "${day}"`)
  return isoWeekOf(range.start)
}

/** The week `n` weeks after `week` (n may be negative): addWeeks("2026-W01", -1) → "2025-W52". */
export function addWeeks(week: string, n: number): string {
  return isoWeekOf(weekRange(week).start.getTime() + n * WEEK_MS)
}

export const previousWeek = (week: string): string => addWeeks(week, -1)
export const nextWeek = (week: string): string => addWeeks(week, 1)

/** The `n` weeks ending with `week`, oldest first: lastNWeeks("2026-W02", 3) → [2025-W52, 2026-W01, 2026-W02]. */
export function lastNWeeks(week: string, n: number): string[] {
  const out: string[] = []
  for (let i = n - 1; i >= 0; i -= 1) out.push(addWeeks(week, -i))
  return out
}

/** The week in progress in China at `now`. */
export function currentWeek(now: Date | number = Date.now()): string {
  return isoWeekOf(now)
}

/** Chronological order of two valid weeks (the zero-padded text sorts the same way). */
export function compareWeeks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The seven China calendar days of a week, Monday first. */
export function daysOfWeek(week: string): string[] {
  const monday = chinaWall(weekRange(week).start)
  return Array.from({ length: 7 }, (_, i) => monday.add(i, 'day').format('YYYY-MM-DD'))
}

/** "2026-W48" → "2026年第48周"; "11月23日–11月29日" for `rangeLabel`. */
export function weekLabel(week: string): string {
  const parsed = parse(week)
  return parsed ? `${parsed.year}年第${parsed.week}周` : week
}

export function weekRangeLabel(week: string): string {
  const { first, last } = weekDays(week)
  const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
  return `${md(first)}–${md(last)}`
}
