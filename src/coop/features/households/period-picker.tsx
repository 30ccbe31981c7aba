/** 周 / 月 / 年, and ‹ 上一月 · 2026年11月 (11月1日–11月30日) · 下一月 › — never past the period in progress. */
import { Text, View } from '@tarojs/components'
import type { ReportPeriod } from '@contracts/households'
import { formatChinaDay } from '@domain/dates'
import { PERIOD_KINDS, periodRange } from '@domain/periods'
import { PERIOD_LABELS } from './labels'
import { currentPeriodAt, periodTitle, stepPeriodAt } from './periods'


export interface PeriodChoice {
  period: ReportPeriod
  at: string
}

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  const { period, at } = value
  const days = periodRange(period, at)
  const current = currentPeriodAt(period)
  const canNext = at < current
  const unit = PERIOD_LABELS[period]
  return (
    <View>
      <View className="hh-chips">
        {PERIOD_KINDS.map((p) => (
          <Text key={p} id={`period-${p}`} className={`hh-chip${p === period ? ' hh-chip--on' : ''}`} onClick={() => p !== period && onChange({ period: p, at: currentPeriodAt(p) })}>
            {PERIOD_LABELS[p]}
          </Text>
        ))}
      </View>
      <View className="hh-step">
        <Text id="period-prev" className="hh-step__go" onClick={() => onChange({ period, at: stepPeriodAt(period, at, -1) })}>
          ‹ 上一{unit}
        </Text>
        <View className="hh-step__label">
          <Text id="period-label" className="hh-step__title">
            {periodTitle(period, at)}
          </Text>
          <Text id="period-days" className="c-muted">
            {days ? `${formatChinaDay(days.from)}–${formatChinaDay(days.to)}` : ''}
            {at === current ? ` · 本${unit}` : ''}
          </Text>
        </View>
        <Text id="period-next" className={`hh-step__go${canNext ? '' : ' hh-step__go--off'}`} onClick={() => canNext && onChange({ period, at: stepPeriodAt(period, at, 1) })}>
          下一{unit} ›
        </Text>
      </View>
    </View>
  )
}
