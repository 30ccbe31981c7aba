/**
 * Business dates. Time is stored in UTC; the business calendar is Asia/Shanghai
 * (UTC+8 all year: China has no daylight saving), whatever the machine's time zone.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar date in China at an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date = new Date()): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Whether `day` (YYYY-MM-DD) lies inside the inclusive window [start, end]. */
export function inWindow(day: string, start: string, end: string): boolean {
  return start <= day && day <= end
}

/** "2026-09-01" → "9月1日". */
export function formatChinaDay(day: string): string {
  const [, m, d] = day.split('-')
  return `${Number(m)}月${Number(d)}日`
}

/** A harvest window as buyers read it: "9月1日 – 11月30日". */
export function formatWindow(start: string, end: string): string {
  return `${formatChinaDay(start)} – ${formatChinaDay(end)}`
}
