/**
 * China time, the one home: the UTC+8 offset, the China calendar day of an instant and back,
 * RFC 3339 "+08:00" text, and instants as buyers in China read them (Asia/Shanghai wall-clock
 * time, whatever the device's own time zone). The business week builds on this (weeks.ts); the
 * server's SQL twin is server/src/sql/china-time-sql.ts. dayjs with the utc and timezone plugins.
 */
import dayjs, { type Dayjs } from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai'

/** China keeps UTC+8 all year (no daylight saving), so a fixed offset is exact. The only place it is written. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const CHINA_OFFSET_MINUTES = CHINA_OFFSET_MS / 60_000
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A Date whose UTC fields (getUTCFullYear, getUTCHours …, toISOString) read as China wall-clock
 * time at `at`. For formatting only: it is not the instant itself.
 */
export function chinaWallClock(at: Date | string | number): Date {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS)
}

/** The instant whose China wall-clock time is `wall` (the inverse of chinaWallClock). */
export function fromChinaWallClock(wall: Date | number): Date {
  return new Date(new Date(wall).getTime() - CHINA_OFFSET_MS)
}

/** The calendar date in China at an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date = new Date()): string {
  return chinaWallClock(at).toISOString().slice(0, 10)
}

/** The instants a China calendar day (YYYY-MM-DD) covers: [its 00:00, the next day's 00:00); null for a date that does not exist. */
export function chinaDayRange(day: string): { start: Date; end: Date } | null {
  // The round trip refuses anything but a real YYYY-MM-DD (2026-02-30, 2026-1-5).
  const midnight = Date.parse(`${day}T00:00:00Z`)
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== day) return null
  const start = fromChinaWallClock(midnight)
  return { start, end: new Date(start.getTime() + DAY_MS) }
}

/**
 * RFC 3339 in China time: 2026-11-28T10:34:56+08:00 (whole seconds, as WeChat Pay writes it), or
 * with `millis` 2022-12-15T13:29:35.120+08:00 (as the shipping-info API writes it).
 */
export function chinaRfc3339(at: Date | number, { millis = false }: { millis?: boolean } = {}): string {
  const ms = new Date(at).getTime()
  const wall = chinaWallClock(millis ? ms : Math.floor(ms / 1000) * 1000).toISOString()
  return `${millis ? wall.slice(0, 23) : wall.slice(0, 19)}+08:00`
}

function inChina(at: string | number | Date): Dayjs {
  try {
    return dayjs(at).tz(BUSINESS_TIME_ZONE)
  } catch {
    // Some mini-program runtimes ship without Intl time zones.
    return dayjs(at).utcOffset(CHINA_OFFSET_MINUTES)
  }
}

/** "2026-11-28T06:05:00Z" → "2026-11-28 14:05". Empty for a missing or invalid instant. */
export function formatChinaDateTime(at: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (!at || !dayjs(at).isValid()) return ''
  return inChina(at).format(pattern)
}
