/** The cooperative's workbench: the week at a glance, its refunds by kind, the 8-week trend, sales by farmer (在册户 marked), and the ways on. */
import { Text, View } from '@tarojs/components'
import { openPage } from '../../../lib/navigation'
import { reportsApi, WeekRefunds, WeekSummary } from '../../features/dashboard'
import { afterSalesRoute, useAfterSalesCount } from '../../features/after-sales'
import { freightRoutes } from '../../../features/freight'
import { householdRoutes } from '../../features/households'
import { queueCount, useReviewCount } from '../../features/reviews'
import { BarList } from '../../shared/bar-list'
import { coopPage } from '../../shared/coop-gate'
import { DownloadButton } from '../../shared/download-button'
import { formatFen, shortWeek } from '../../shared/format'
import { Loaded, useWeekResource } from '../../shared/loaded'
import { coopRoutes } from '../../shared/routes'
import { TrendBars } from '../../shared/trend-bars'
import { WeekPicker } from '../../shared/week-picker'
import '../../shared/coop.scss'

const TOP_FARMERS = 10

function Dashboard() {
  const { week, setWeek, resource } = useWeekResource('weekly', reportsApi.weekly)
  const waiting = useReviewCount()
  const afterSales = useAfterSalesCount()
  return (
    <View className="c-dashboard">
      <WeekPicker week={week} onChange={setWeek} />
      <Loaded resource={resource}>
        {(data) => (
          <View>
            <Text className="c-muted">{data.cooperative.name}</Text>
            <WeekSummary report={data} />
            <WeekRefunds report={data} />
            <View className="c-card">
              <View className="c-card__title">
                <Text>近8周净销售额</Text>
              </View>
              <TrendBars
                columns={data.trend.map((p) => ({ key: p.week, label: shortWeek(p.week), value: p.netFen, display: p.netFen > 0 ? `${Math.round(p.netFen / 100)}` : '', active: p.week === week }))}
                onPick={setWeek}
              />
              <Text className="c-muted">单位：元，点柱子查看那一周</Text>
            </View>
            <View className="c-card">
              <View className="c-card__title">
                <Text>按农户</Text>
                <Text className="c-card__more" onClick={() => openPage(coopRoutes.members(week))}>
                  全部成员 ›
                </Text>
              </View>
              <BarList
                bars={data.byFarmer.slice(0, TOP_FARMERS).map((f) => ({ key: f.farmerId, label: f.name, hint: f.isPoorHousehold ? '在册户' : undefined, value: f.netFen, display: formatFen(f.netFen) }))}
              />
            </View>
            <View className="c-card">
              <View className="c-card__title">
                <Text>买家来自</Text>
              </View>
              <BarList bars={data.byProvince.slice(0, 6).map((p) => ({ key: p.province, label: p.province, value: p.orders, display: `${p.orders}单` }))} />
            </View>
          </View>
        )}
      </Loaded>
      <View className="c-links">
        <Text id="open-settlements" className="c-link" onClick={() => openPage(coopRoutes.settlements(week))}>
          结算单
        </Text>
        <Text id="open-impact" className="c-link" onClick={() => openPage(coopRoutes.impact(week))}>
          帮扶收入
        </Text>
        <Text id="open-members" className="c-link" onClick={() => openPage(coopRoutes.members(week))}>
          成员管理
        </Text>
        <Text id="open-reviews" className="c-link" onClick={() => openPage(coopRoutes.reviews())}>
          商品审核
          {waiting ? (
            <Text id="reviews-waiting" className="c-badge">
              {queueCount(waiting)}
            </Text>
          ) : null}
        </Text>
        <Text id="open-after-sales" className="c-link" onClick={() => openPage(afterSalesRoute)}>
          售后与退款
          {afterSales && afterSales !== '0' ? (
            <Text id="after-sales-waiting" className="c-badge">
              {afterSales}
            </Text>
          ) : null}
        </Text>
        <Text id="open-freight" className="c-link" onClick={() => openPage(freightRoutes.coop)}>
          运费模板
        </Text>
        <Text id="open-registry-report" className="c-link" onClick={() => openPage(householdRoutes.report)}>
          在册户收入
        </Text>
        <Text id="open-household-import" className="c-link" onClick={() => openPage(householdRoutes.import)}>
          导入县名单
        </Text>
      </View>
      <View className="c-actions">
        <DownloadButton id="download-weekly-xlsx" file="weekly.xlsx" week={week} label="导出 Excel" />
        <DownloadButton id="download-weekly-csv" file="weekly.csv" week={week} label="导出 CSV" />
      </View>
    </View>
  )
}

export default coopPage(Dashboard)
