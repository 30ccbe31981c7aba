/**
 * China time from its one home (src/domain/china-time.ts), whatever the machine's time zone:
 * the calendar day of an instant and back, RFC 3339 "+08:00" text, and the week built on them.
 */
import { chinaDate, chinaDayRange, chinaRfc3339, chinaWallClock, formatChinaDateTime } from '@domain/china-time'
import { isoWeekOf, weekOfDay, weekRange } from '@domain/weeks'

describe('China time', () => {
  it('the China day of an instant turns at 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-11-28T15:59:59.999Z'))).toBe('2026-11-28')
    expect(chinaDate(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29')
  })

  it('a China day covers [its midnight, the next midnight) in UTC+8; a date that does not exist is null', () => {
    expect(chinaDayRange('2026-11-29')).toEqual({ start: new Date('2026-11-28T16:00:00Z'), end: new Date('2026-11-29T16:00:00Z') })
    expect(chinaDayRange('2026-02-30')).toBeNull()
    expect(chinaDayRange('2026-1-5')).toBeNull()
    expect(chinaDayRange('soon')).toBeNull()
  })

  it('RFC 3339 in China time: whole seconds, or with milliseconds', () => {
    const at = Date.UTC(2026, 10, 28, 16, 34, 56, 789)
    expect(chinaRfc3339(at)).toBe('2026-11-29T00:34:56+08:00')
    expect(chinaRfc3339(new Date(at), { millis: true })).toBe('2026-11-29T00:34:56.789+08:00')
  })

  it('wall-clock fields and formatted text agree', () => {
    const at = new Date('2026-11-28T06:05:00Z')
    expect(chinaWallClock(at).getUTCHours()).toBe(14)
    expect(formatChinaDateTime(at.toISOString())).toBe('2026-11-28 14:05')
  })

  it('the week of a China day is the week of its first instant, and the week covers its days', () => {
    expect(weekOfDay('2026-11-29')).toBe(isoWeekOf(chinaDayRange('2026-11-29')!.start))
    const { start, end } = weekRange('2026-W48')
    expect(chinaDate(start)).toBe('2026-11-23')
    expect(chinaDate(new Date(end.getTime() - 1))).toBe('2026-11-29')
    expect(() => weekOfDay('2026-02-30')).toThrow(RangeError)
  })
})
