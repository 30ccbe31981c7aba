/** The week's refunds by kind, whoever bears them, the cooperative's share, and the rule for their week. */
import { Text, View } from '@tarojs/components'
import type { WeeklyReportDto } from '@contracts/coop'
import { REFUND_KIND_LABELS } from '@domain/payment-states'
import { REFUND_WEEK_RULE } from '@domain/settlement'
import { formatFen } from '../../shared/format'
import './dashboard.scss'

export function WeekRefunds({ report }: { report: WeeklyReportDto }) {
  const coop = report.cooperativeRefunds
  return (
    <View id="week-refunds-card" className="c-card">
      <View className="c-card__title">
        <Text>本周退款</Text>
        <Text id="week-refunds-total">{formatFen(report.totals.refundsFen)}</Text>
      </View>
      {report.refundsByKind.length === 0 ? <Text className="c-muted">本周没有退款</Text> : null}
      {report.refundsByKind.map((k) => (
        <View key={k.kind} id={`week-refund-${k.kind}`} className="c-row">
          <Text className="c-row__label">
            {REFUND_KIND_LABELS[k.kind]} {k.count}笔
          </Text>
          <Text>
            {formatFen(k.goodsFen)}
            {k.shippingFen > 0 ? `（另退运费 ${formatFen(k.shippingFen)}）` : ''}
          </Text>
        </View>
      ))}
      {coop.count > 0 ? (
        <Text id="week-coop-refunds" className="c-muted c-kind">
          其中合作社承担 {formatFen(coop.goodsFen + coop.shippingFen)}（{coop.count}笔），不计入农户结算单
        </Text>
      ) : null}
      <Text id="refund-rule" className="c-muted c-rule">
        {REFUND_WEEK_RULE}
      </Text>
    </View>
  )
}
