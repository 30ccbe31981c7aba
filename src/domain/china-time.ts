/**
 * Instants as buyers in China read them: Asia/Shanghai wall-clock time, whatever the device's
 * own time zone. dayjs with the utc and timezone plugins.
 */
import dayjs, { type Dayjs } from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai'

/** China keeps UTC+8 all year; used when the runtime's Intl lacks time-zone data. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60

export function inChina(at: string | number | Date): Dayjs {
  try {
    return dayjs(at).tz(BUSINESS_TIME_ZONE)
  } catch {
    // Some mini-program runtimes ship without Intl time zones.
    return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES)
  }
}

/** "2026-11-28T06:05:00Z" → "2026-11-28 14:05". Empty for a missing or invalid instant. */
export function formatChinaDateTime(at: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (!at || !dayjs(at).isValid()) return ''
  return inChina(at).format(pattern)
}
