/** The registry report: income reaching registered households in the period, its households, orders and 斤, by village and by household. */
import { Text, View } from '@tarojs/components'
import type { RegistryReportDto } from '@contracts/households'
import { formatFen } from '../../shared/format'
import { ShowMore, usePaged } from '../../shared/paged'
import { HouseholdBadge } from './household-badge'

/** 12.25 → "12.3斤"; whole numbers without decimals. */
export function formatJin(jin: number): string {
  return `${(Math.round(jin * 10) / 10).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}斤`
}

function Stat({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <View className="c-stat">
      <Text className="c-stat__label">{label}</Text>
      <Text id={id} className="c-stat__value">
        {value}
      </Text>
    </View>
  )
}

export function ReportTotals({ report }: { report: RegistryReportDto }) {
  const t = report.totals
  return (
    <View id="report-totals" className="c-card">
      <View className="c-hero">
        <Text className="c-hero__label">计入在册户的收入</Text>
        <Text id="report-income" className="c-hero__value">
          {formatFen(t.incomeFen)}
        </Text>
        <Text className="c-muted">
          销售 {formatFen(t.grossFen)}，减去他们承担的退款 {formatFen(t.refundsFen)}
        </Text>
      </View>
      <View className="c-stats">
        <Stat id="report-households" label="户数" value={`${t.households}户`} />
        <Stat id="report-orders" label="订单" value={`${t.orders}单`} />
        <Stat id="report-jin" label="卖出" value={formatJin(t.jin)} />
      </View>
      <Text className="hh-note">按每笔销售当天的在册状态计入（在册、监测户计入，已脱贫后不计入）；退款跟随它的那笔销售。</Text>
    </View>
  )
}

export function ReportByVillage({ rows }: { rows: RegistryReportDto['byVillage'] }) {
  return (
    <View id="report-villages" className="c-card">
      <View className="c-card__title">
        <Text>按村</Text>
      </View>
      {rows.length === 0 ? <Text className="hh-note">这段时间在册户还没有销售</Text> : null}
      {rows.map((v, i) => (
        <View key={v.village} id={`village-${i}`} className="hh-item">
          <View className="hh-item__head">
            <Text>{v.village || '未填村'}</Text>
            <Text>{formatFen(v.incomeFen)}</Text>
          </View>
          <Text className="hh-item__sub">
            {v.households}户 · {v.orders}单 · {formatJin(v.jin)}
          </Text>
        </View>
      ))}
    </View>
  )
}

export function ReportByHousehold({ rows }: { rows: RegistryReportDto['byHousehold'] }) {
  const paged = usePaged(rows)
  return (
    <View id="report-households-list" className="c-card">
      <View className="c-card__title">
        <Text>按户</Text>
        <Text className="c-muted">{rows.length > 0 ? `${rows.length}户` : ''}</Text>
      </View>
      {rows.length === 0 ? <Text className="hh-note">这段时间在册户还没有销售</Text> : null}
      {paged.shown.map((h) => (
        <View key={h.farmerId} id={`report-household-${h.farmerId}`} className="hh-item">
          <View className="hh-item__head">
            <Text>
              {h.name}
              <HouseholdBadge status={h.status} />
            </Text>
            <Text id={`report-household-${h.farmerId}-income`}>{formatFen(h.incomeFen)}</Text>
          </View>
          <Text className="hh-item__sub">
            {h.registryNoMasked ?? '未登记户编号'} · {h.village}
          </Text>
          <Text className="hh-item__sub">
            {h.orders}单 · {formatJin(h.jin)}
            {h.refundsFen > 0 ? ` · 退款 ${formatFen(h.refundsFen)}` : ''}
          </Text>
        </View>
      ))}
      <ShowMore paged={paged} label="显示更多 ›" />
    </View>
  )
}
