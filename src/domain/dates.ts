/**
 * Business dates (harvest windows, calendar days as YYYY-MM-DD). Which day it is in China is
 * china-time.ts's `chinaDate`.
 */

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

/** `YYYY-MM-DD` moved by `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}
