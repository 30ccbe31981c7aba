/** Report periods as China days and instants: weeks, months (leap February), years, the current one, labels, and what is refused. */
import { currentPeriod, periodLabel, periodRange, spanRange } from '@domain/periods'

describe('report periods', () => {
  it('a week is its ISO week’s Monday through Sunday in China', () => {
    expect(periodRange('week', '2026-W48')).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      start: new Date('2026-11-22T16:00:00Z'),
      end: new Date('2026-11-29T16:00:00Z'),
    })
    expect(periodRange('week', '2026-W53')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' })
  })

  it('a month runs from its first to its last day, February of a leap year included', () => {
    expect(periodRange('month', '2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29', start: new Date('2028-01-31T16:00:00Z'), end: new Date('2028-02-29T16:00:00Z') })
    expect(periodRange('month', '2026-02')).toMatchObject({ to: '2026-02-28' })
    expect(periodRange('month', '2026-12')).toMatchObject({ from: '2026-12-01', to: '2026-12-31' })
  })

  it('a year runs from 1 January to 31 December in China', () => {
    expect(periodRange('year', '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31', start: new Date('2025-12-31T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') })
  })

  it('refuses text that is not a period of its kind', () => {
    for (const [kind, at] of [
      ['week', '2026-11'],
      ['week', '2026-W54'],
      ['week', '2025-W53'],
      ['month', '2026-13'],
      ['month', '2026-1'],
      ['month', '2026'],
      ['year', '1999'],
      ['year', '2026-01'],
    ] as const) {
      expect(periodRange(kind, at)).toBeNull()
    }
  })

  it('the current period is the one in progress in China', () => {
    const newYear = new Date('2026-12-31T16:30:00Z') // 00:30 on 1 January 2027 in China
    expect([currentPeriod('week', newYear), currentPeriod('month', newYear), currentPeriod('year', newYear)]).toEqual(['2026-W53', '2027-01', '2027'])
  })

  it('labels periods as a manager reads them, and spans several', () => {
    expect(periodLabel('week', '2026-W48')).toBe('2026年第48周（11月23日–11月29日）')
    expect(periodLabel('month', '2026-11')).toBe('2026年11月')
    expect(periodLabel('year', '2026')).toBe('2026年')
    expect(spanRange(periodRange('week', '2026-W41')!, periodRange('week', '2026-W48')!)).toMatchObject({ from: '2026-10-05', to: '2026-11-29' })
  })
})
