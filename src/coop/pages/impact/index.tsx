/**
 * Income reaching registered households (在册 or 监测户 on the day of each sale): this week, its
 * share, the last 8 weeks, per household; the month and year views are the registry report's.
 */
import { Text, View } from '@tarojs/components'
import { reportsApi } from '../../features/dashboard'
import { BarList } from '../../shared/bar-list'
import { coopPage } from '../../shared/coop-gate'
import { DownloadButton } from '../../shared/download-button'
import { formatFen, shortWeek } from '../../shared/format'
import { Loaded, useWeekResource } from '../../shared/loaded'
import { TrendBars } from '../../shared/trend-bars'
import { WeekPicker } from '../../shared/week-picker'
import '../../shared/coop.scss'

function Impact() {
  const { week, setWeek, resource } = useWeekResource('impact', reportsApi.impact)
  return (
    <View>
      <WeekPicker week={week} onChange={setWeek} />
      <Loaded resource={resource}>
        {(data) => (
          <View>
            <View className="c-card">
              <View className="c-hero">
                <Text className="c-hero__label">本周在册户收入</Text>
                <Text id="impact-net" className="c-hero__value">
                  {formatFen(data.current.poorNetFen)}
                </Text>
                <Text className="c-muted">
                  占全社收入 {data.current.sharePct === null ? '—' : `${data.current.sharePct}%`} · 本周在册（含监测户）{data.poorHouseholds} 户，有销售 {data.poorHouseholdsSelling} 户
                </Text>
              </View>
            </View>
            <View className="c-card">
              <View className="c-card__title">
                <Text>近8周</Text>
              </View>
              <TrendBars
                columns={data.trend.map((p) => ({ key: p.week, label: shortWeek(p.week), value: p.poorNetFen, display: p.sharePct === null ? '' : `${Math.round(p.sharePct)}%`, active: p.week === week }))}
                onPick={setWeek}
              />
              <Text className="c-muted">柱高为在册户收入（销售额减农户承担的退款），数字为占比</Text>
            </View>
            <View className="c-card">
              <View className="c-card__title">
                <Text>各户本周</Text>
              </View>
              <BarList
                empty={data.farmers.length > 0 ? '本周在册户还没有销售' : '还没有在册的农户'}
                bars={data.farmers.map((f) => ({ key: f.farmerId, label: f.name, hint: `近8周 ${formatFen(f.eightWeekNetFen)}`, value: f.netFen, display: formatFen(f.netFen) }))}
              />
            </View>
          </View>
        )}
      </Loaded>
      <View className="c-actions">
        <DownloadButton id="download-impact-csv" file="impact.csv" week={week} label="导出 CSV" />
      </View>
    </View>
  )
}

export default coopPage(Impact)
