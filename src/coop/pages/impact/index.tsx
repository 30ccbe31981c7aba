/** Income reaching registered poor households: this week, its share, the last 8 weeks, per household. */
import { Text, View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../components/status'
import { userMessage } from '../../../lib/api-error'
import { useResource } from '../../../lib/use-resource'
import { coopApi } from '../../shared/api'
import { BarList } from '../../shared/bar-list'
import { CoopGate } from '../../shared/coop-gate'
import { DownloadButton } from '../../shared/download-button'
import { formatFen, shortWeek } from '../../shared/format'
import { TrendBars } from '../../shared/trend-bars'
import { useWeek } from '../../shared/use-week'
import { WeekPicker } from '../../shared/week-picker'
import '../../shared/coop.scss'

function Impact() {
  const { week, setWeek } = useWeek()
  const report = useResource(`impact:${week}`, () => coopApi.impact(week))
  const { state } = report
  return (
    <View>
      <WeekPicker week={week} onChange={setWeek} />
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState message={userMessage(state.error)} onRetry={report.retry} /> : null}
      {state.status === 'ready' ? (
        <View>
          <View className="c-card">
            <View className="c-hero">
              <Text className="c-hero__label">本周脱贫户净销售额</Text>
              <Text id="impact-net" className="c-hero__value">
                {formatFen(state.data.current.poorNetFen)}
              </Text>
              <Text className="c-muted">
                占合作社净销售额 {state.data.current.sharePct === null ? '—' : `${state.data.current.sharePct}%`} · 登记脱贫户 {state.data.poorHouseholds} 户，本周有销售 {state.data.poorHouseholdsSelling} 户
              </Text>
            </View>
          </View>
          <View className="c-card">
            <View className="c-card__title">
              <Text>近8周</Text>
            </View>
            <TrendBars
              columns={state.data.trend.map((p) => ({ key: p.week, label: shortWeek(p.week), value: p.poorNetFen, display: p.sharePct === null ? '' : `${Math.round(p.sharePct)}%`, active: p.week === week }))}
              onPick={setWeek}
            />
            <Text className="c-muted">柱高为脱贫户净销售额，数字为占比</Text>
          </View>
          <View className="c-card">
            <View className="c-card__title">
              <Text>各户本周</Text>
            </View>
            <BarList
              empty={state.data.farmers.length > 0 ? '本周脱贫户还没有销售' : '还没有登记的脱贫户'}
              bars={state.data.farmers.map((f) => ({ key: f.farmerId, label: f.name, hint: `近8周 ${formatFen(f.eightWeekNetFen)}`, value: f.netFen, display: formatFen(f.netFen) }))}
            />
          </View>
        </View>
      ) : null}
      <View className="c-actions">
        <DownloadButton id="download-impact-csv" file="impact.csv" week={week} label="导出 CSV" />
      </View>
    </View>
  )
}

export default function CoopImpactPage() {
  return (
    <CoopGate>
      <Impact />
    </CoopGate>
  )
}
