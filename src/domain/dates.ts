/**
 * Business dates (harvest windows, calendar days). Time is stored in UTC; the business calendar
 * is Asia/Shanghai, whatever the machine's time zone: `chinaDate` lives with the rest of China
 * time in china-time.ts and is re-exported here for the pages that import it from this file.
 */
export { chinaDate } from './china-time'

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
