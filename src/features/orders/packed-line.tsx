/**
 * Under an order line sold by weight that the farmer weighed when shipping:
 * "下单 10斤 · 实发 9.5斤 · 已退 ¥5.00" (退款中 while WeChat pays it back). The line's share of the
 * order's weight-adjustment refund is the same rule the server refunded with.
 */
import { Text } from '@tarojs/components'
import type { OrderDetailDto, OrderItemDto } from '@contracts/orders'
import { lineShortfallRefundFen, packedLineText } from '@domain/packed-weight'

export function PackedLine({ order, item }: { order: OrderDetailDto; item: OrderItemDto }) {
  const refund = order.refunds.find((r) => r.kind === 'weight_adjustment')
  const amountFen = lineShortfallRefundFen(item)
  const text = packedLineText(item, refund && amountFen > 0 ? { status: refund.status, amountFen } : null)
  if (!text) return null
  return (
    <Text id={`packed-line-${item.id}`} className="order-detail__packed">
      {text}
    </Text>
  )
}
