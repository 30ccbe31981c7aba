/**
 * ISO weeks in China, whatever the machine's time zone (run also with TZ=America/Los_Angeles
 * and TZ=UTC): boundaries at Monday 00:00 Asia/Shanghai, week 53, arithmetic across years.
 */
import {
  addWeeks,
  compareWeeks,
  currentWeek,
  daysOfWeek,
  isIsoWeek,
  isoWeekOf,
  lastNWeeks,
  nextWeek,
  parseIsoWeek,
  previousWeek,
  weekDays,
  weekLabel,
  weekOfDay,
  weekRange,
  weekRangeLabel,
  weeksInIsoYear,
} from '@domain/weeks'

describe('the week an instant falls in', () => {
  it('Sunday 23:59 and Monday 00:01 China time are in different weeks', () => {
    // 2026-11-29 is a Sunday; China is UTC+8.
    expect(isoWeekOf(new Date('2026-11-29T15:59:00Z'))).toBe('2026-W48') // Sun 23:59 in China
    expect(isoWeekOf(new Date('2026-11-29T16:01:00Z'))).toBe('2026-W49') // Mon 00:01 in China
    expect(isoWeekOf(new Date('2026-11-29T15:59:59.999Z'))).toBe('2026-W48')
    expect(isoWeekOf(new Date('2026-11-29T16:00:00Z'))).toBe('2026-W49')
  })

  it('follows China, not UTC: Monday 03:00 in China is still Sunday in UTC', () => {
    expect(isoWeekOf('2026-11-29T19:00:00Z')).toBe('2026-W49')
  })

  it('belongs to the ISO week-year across New Year', () => {
    expect(isoWeekOf('2026-12-31T12:00:00Z')).toBe('2026-W53')
    expect(isoWeekOf('2027-01-03T12:00:00Z')).toBe('2026-W53') // Sunday 3 Jan 2027
    expect(isoWeekOf('2027-01-03T16:00:00Z')).toBe('2027-W01') // Monday 4 Jan 2027, China
    expect(isoWeekOf('2024-12-30T00:00:00Z')).toBe('2025-W01')
    expect(weekOfDay('2026-11-29')).toBe('2026-W48')
    expect(weekOfDay('2026-11-30')).toBe('2026-W49')
  })

  it('currentWeek is the week of now in China', () => {
    expect(currentWeek(new Date('2026-11-28T02:00:00Z'))).toBe('2026-W48')
  })
})

describe('week strings', () => {
  it.each(['2026-W48', '2026-W01', '2026-W53', '2020-W53', '2015-W53'])('%s is a week', (w) => {
    expect(isIsoWeek(w)).toBe(true)
    expect(parseIsoWeek(w)).not.toBeNull()
  })

  it.each(['2026-W60', '2025-W53', '2026-W00', '2026-W5', '2026W48', '2026-w48', ' 2026-W48', '2026-W48 ', '', 'x'.repeat(5000), '２０２６-W48'])(
    '%p is not a week',
    (w) => {
      expect(isIsoWeek(w)).toBe(false)
      expect(parseIsoWeek(w)).toBeNull()
      expect(() => weekRange(w)).toThrow(RangeError)
    },
  )

  it('knows which years have 53 weeks', () => {
    expect(weeksInIsoYear(2026)).toBe(53) // starts on a Thursday
    expect(weeksInIsoYear(2020)).toBe(53) // leap year starting on a Wednesday
    expect(weeksInIsoYear(2025)).toBe(52)
    expect(weeksInIsoYear(2027)).toBe(52)
    expect(parseIsoWeek(42)).toBeNull()
  })
})

describe('week ranges', () => {
  it('start on Monday 00:00 China time (Sunday 16:00 UTC) and end a week later', () => {
    const { start, end } = weekRange('2026-W48')
    expect(start.toISOString()).toBe('2026-11-22T16:00:00.000Z')
    expect(end.toISOString()).toBe('2026-11-29T16:00:00.000Z')
    expect(weekDays('2026-W48')).toEqual({ first: '2026-11-23', last: '2026-11-29' })
    expect(daysOfWeek('2026-W48')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
  })

  it('week 53 and week 1 meet without a gap', () => {
    expect(weekRange('2026-W53').end).toEqual(weekRange('2027-W01').start)
    expect(weekRange('2027-W01').start.toISOString()).toBe('2027-01-03T16:00:00.000Z')
  })

  it('every instant of a range is in that week', () => {
    for (const w of ['2026-W01', '2026-W48', '2026-W53', '2025-W01']) {
      const { start, end } = weekRange(w)
      expect(isoWeekOf(start)).toBe(w)
      expect(isoWeekOf(end.getTime() - 1)).toBe(w)
      expect(isoWeekOf(end)).toBe(nextWeek(w))
    }
  })
})

describe('week arithmetic', () => {
  it('steps across year ends, including week 53', () => {
    expect(previousWeek('2027-W01')).toBe('2026-W53')
    expect(nextWeek('2026-W53')).toBe('2027-W01')
    expect(previousWeek('2026-W01')).toBe('2025-W52')
    expect(addWeeks('2026-W48', -52)).toBe('2025-W48')
    expect(addWeeks('2026-W48', 0)).toBe('2026-W48')
  })

  it('lists the last n weeks, oldest first', () => {
    expect(lastNWeeks('2027-W02', 4)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02'])
    expect(lastNWeeks('2026-W48', 8)).toHaveLength(8)
    expect(lastNWeeks('2026-W48', 8)[0]).toBe('2026-W41')
  })

  it('orders and labels weeks', () => {
    expect(compareWeeks('2026-W09', '2026-W10')).toBe(-1)
    expect(compareWeeks('2027-W01', '2026-W53')).toBe(1)
    expect(compareWeeks('2026-W10', '2026-W10')).toBe(0)
    expect(weekLabel('2026-W48')).toBe('2026年第48周')
    expect(weekRangeLabel('2026-W48')).toBe('11月23日–11月29日')
  })
})
