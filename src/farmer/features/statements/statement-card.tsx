/** One week's statement as the farmer reads it: the dates, where it stands, what is owed, how it adds up and its refunds by kind. */
import { Text, View } from '@tarojs/components'
import type { StatementDto } from '@contracts/coop'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen } from '@domain/money'
import { REFUND_KIND_LABELS } from '@domain/payment-states'
import { formatBps, STATEMENT_STATUS_TEXT } from '@domain/settlement'
import { weekLabel, weekRangeLabel } from '@domain/weeks'
import './statements.scss'

/** An amount taken off: 1280 → "-¥12.80"; nothing taken reads "¥0.00". */
const minus = (fen: number) => formatFen(fen === 0 ? 0 : -fen)

function Row({ label, value, total }: { label: string; value: string; total?: boolean }) {
  return (
    <View className={`f-st__row${total ? ' f-st__row--total' : ''}`}>
      <Text className="f-st__label">{label}</Text>
      <Text>{value}</Text>
    </View>
  )
}

function StatusNote({ s }: { s: StatementDto }) {
  if (s.status === 'draft') return <Text className="f-st__note">合作社确认前，金额还可能变化</Text>
  if (s.status === 'confirmed') return <Text className="f-st__note">金额已确认，等合作社付款</Text>
  return (
    <Text className="f-st__note f-st__note--paid">
      {formatChinaDateTime(s.paidAt, 'M月D日')}已付款，转账凭证号 {s.paymentRef}
    </Text>
  )
}

export function StatementCard({ s }: { s: StatementDto }) {
  return (
    <View id={`statement-${s.week}`} className="f-st">
      <View className="f-st__head">
        <View className="f-st__when">
          <Text className="f-st__dates">{weekRangeLabel(s.week)}</Text>
          <Text className="f-st__week">
            {weekLabel(s.week)} · {s.orders}单
          </Text>
        </View>
        <Text id={`statement-status-${s.week}`} className={`f-st__badge f-st__badge--${s.status}`}>
          {STATEMENT_STATUS_TEXT[s.status]}
        </Text>
      </View>
      <View className="f-st__net">
        <Text className="f-st__label">应得</Text>
        <Text id={`statement-net-${s.week}`} className="f-st__net-value">
          {formatFen(s.netFen)}
        </Text>
      </View>
      <StatusNote s={s} />
      <View className="f-st__rows">
        <Row label="销售额" value={formatFen(s.grossFen)} />
        <Row label="退款" value={minus(s.refundsFen)} />
        {s.refundsByKind.map((k) => (
          <Text key={k.kind} id={`statement-refund-${s.week}-${k.kind}`} className="f-st__kind">
            {REFUND_KIND_LABELS[k.kind]} {k.count}笔 {minus(k.goodsFen)}
            {k.shippingFen > 0 ? `，退运费 ${formatFen(k.shippingFen)}` : ''}
          </Text>
        ))}
        <Row label={`合作社佣金（${formatBps(s.commissionBps)}）`} value={minus(s.commissionFen)} />
        <Row label="运费" value={formatFen(s.shippingFen)} />
        {s.adjustmentsFen !== 0 || s.adjustments.length > 0 ? <Row label="调整（以前周的退款）" value={formatFen(s.adjustmentsFen)} /> : null}
        {s.adjustments.map((a) => (
          <Text key={a.orderNo} className="f-st__adjustment">
            订单 {a.orderNo}（{weekRangeLabel(a.saleWeek)}卖出）退款 {formatFen(a.adjustmentFen)}
          </Text>
        ))}
        <Row label="应得" value={formatFen(s.netFen)} total />
      </View>
    </View>
  )
}
