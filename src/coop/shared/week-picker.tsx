/** ‹ 上一周 · 2026年第48周 (11月23日–11月29日) · 下一周 › — never past the week in progress. */
import { Text, View } from '@tarojs/components'
import { compareWeeks, currentWeek, nextWeek, previousWeek, weekLabel, weekRangeLabel } from '@domain/weeks'

export function WeekPicker({ week, onChange }: { week: string; onChange: (week: string) => void }) {
  const canNext = compareWeeks(week, currentWeek()) < 0
  return (
    <View className="c-week">
      <Text id="week-prev" className="c-week__step" onClick={() => onChange(previousWeek(week))}>
        ‹ 上一周
      </Text>
      <View className="c-week__label">
        <Text id="week-label" className="c-week__title">
          {weekLabel(week)}
        </Text>
        <Text className="c-week__range">
          {weekRangeLabel(week)}
          {week === currentWeek() ? ' · 本周' : ''}
        </Text>
      </View>
      <Text id="week-next" className={`c-week__step${canNext ? '' : ' c-week__step--off'}`} onClick={() => canNext && onChange(nextWeek(week))}>
        下一周 ›
      </Text>
    </View>
  )
}
