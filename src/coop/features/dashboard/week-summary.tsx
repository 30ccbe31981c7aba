/** The week at a glance: net sales against last week, orders, buyers, weight, refunds, quantities. */
import { Text, View } from '@tarojs/components'
import type { WeeklyReportDto } from '@contracts/coop'
import { changeTone, formatChange, formatFen, formatKg } from '../../shared/format'

function Stat({ id, label, value, pct }: { id: string; label: string; value: string; pct?: number | null }) {
  return (
    <View id={id} className="c-stat">
      <Text className="c-stat__label">{label}</Text>
      <Text className="c-stat__value">{value}</Text>
      {pct === undefined ? null : <Text className={`c-change c-change--${changeTone(pct)}`}>较上周 {formatChange(pct)}</Text>}
    </View>
  )
}

export function WeekSummary({ report }: { report: WeeklyReportDto }) {
  const { totals, change } = report
  const units = totals.quantities.map((q) => `${q.quantity}${q.unit}`).join(' · ')
  return (
    <View className="c-card">
      <View className="c-hero">
        <Text className="c-hero__label">净销售额（已扣退款，不含运费）</Text>
        <Text id="week-net" className="c-hero__value">
          {formatFen(totals.netFen)}
        </Text>
        <Text className={`c-change c-change--${changeTone(change.netFen.pct)}`}>
          上周 {formatFen(report.previous.totals.netFen)} · {formatChange(change.netFen.pct)}
        </Text>
      </View>
      <View className="c-stats">
        <Stat id="week-orders" label="订单" value={`${totals.orders}单`} pct={change.orders.pct} />
        <Stat id="week-buyers" label="买家" value={`${totals.buyers}位`} pct={change.buyers.pct} />
        <Stat id="week-weight" label="重量" value={formatKg(totals.weightKg)} pct={change.weightKg.pct} />
        <Stat id="week-refunds" label="退款" value={formatFen(totals.refundsFen)} />
      </View>
      <Text className="c-muted">{units ? `售出 ${units}` : '本周还没有售出'}（1斤 = 0.5kg）</Text>
      {report.inProgress ? <View className="c-muted">本周还没结束：以上是到现在为止的数字，与上周整周相比。</View> : null}
    </View>
  )
}
