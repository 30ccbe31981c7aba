/** 订单详情's 退款 block: every refund of the order (its ledger), oldest first: kind, amount, status. */
import { Text, View } from '@tarojs/components'
import type { OrderDetailDto } from '@contracts/orders'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen } from '@domain/money'
import { REFUND_KIND_LABELS, REFUND_STATUS_LABELS } from '@domain/payment-states'
import { refundLabel } from './labels'
import './after-sale.scss'

export function OrderRefunds({ order: o }: { order: OrderDetailDto }) {
  if (o.refunds.length === 0 && !o.refund) return null
  return (
    <View className="order-detail__block" id="order-refund">
      <Text className="order-detail__heading">退款</Text>
      {o.refund ? (
        <Text className="order-refunds__latest">
          {refundLabel(o.refund)}
          {o.refunds.length === 0 ? ` · ${formatFen(o.refund.amountFen)}` : ''}
        </Text>
      ) : null}
      {o.refunds.map((r, i) => (
        <View key={`${r.createdAt}-${i}`} id={`order-refund-${i}`} className="order-refunds__row">
          <View className="order-refunds__main">
            <Text>{REFUND_KIND_LABELS[r.kind]}</Text>
            <Text className="order-after-sale__muted">{formatChinaDateTime(r.succeededAt ?? r.createdAt, 'MM-DD HH:mm')}</Text>
          </View>
          <View className="order-refunds__side">
            <Text className="order-refunds__fen">{formatFen(r.amountFen)}</Text>
            <Text className={`order-refunds__status order-refunds__status--${r.status}`}>{REFUND_STATUS_LABELS[r.status]}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
