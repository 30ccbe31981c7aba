/** The week's refunds the cooperative bears: in no member's statement, the cooperative's own cost. */
import { Text, View } from '@tarojs/components'
import type { CooperativeRefundsDto } from '@contracts/coop'
import { REFUND_KIND_LABELS } from '@domain/payment-states'
import { formatFen } from '../../shared/format'

export function CooperativeRefunds({ refunds }: { refunds: CooperativeRefundsDto }) {
  return (
    <View id="coop-borne-refunds">
      <View className="c-row">
        <Text className="c-row__label">合作社承担的退款</Text>
        <Text id="coop-borne-total">
          {formatFen(refunds.goodsFen + refunds.shippingFen)}（{refunds.count}笔）
        </Text>
      </View>
      {refunds.byKind.map((k) => (
        <Text key={k.kind} id={`coop-borne-${k.kind}`} className="c-muted c-kind">
          · {REFUND_KIND_LABELS[k.kind]} {k.count}笔 {formatFen(k.goodsFen + k.shippingFen)}
        </Text>
      ))}
    </View>
  )
}
