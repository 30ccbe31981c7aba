/**
 * 订单详情: status, address, items, amounts, note, parcel and its trail (复制 the number), refunds,
 * after-sale claims (申请售后), 联系客服, the timeline (Asia/Shanghai, claim steps too), and the
 * buyer's actions (去支付, 取消订单, 确认收货).
 */
import { Text, View } from '@tarojs/components'
import type { ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto } from '@contracts/orders'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen } from '@domain/money'
import { STATUS_LABELS } from '@domain/order-states'
import { eventTitle, timelineNote, totalLabel } from './labels'
import { OrderActionButtons } from './order-action-buttons'
import { PackedLine } from './packed-line'
import { OrderAfterSale } from './order-after-sale'
import { OrderRefunds } from './order-refunds'
import { OrderParcel } from './order-parcel'
import { ContactService } from '../../components/contact-service'
import { routes } from '../../lib/navigation'
import type { OrderActions } from './use-order-actions'
import './order-detail.scss'

interface Props {
  order: OrderDetailDto
  actions: OrderActions
  onChanged: (order: OrderDetailDto) => void
  /** The order's after-sale claims; null while they load. */
  claims: ClaimDto[] | null
}

function statusHint(o: OrderDetailDto): string {
  switch (o.status) {
    case 'pending_payment':
      return `请在 ${formatChinaDateTime(o.expiresAt, 'MM-DD HH:mm')} 前完成支付，超时订单将自动取消`
    case 'paid':
      return '农户正在打包，发货后可查看物流单号'
    case 'shipped':
      return '货品已在路上，收到后请确认收货'
    case 'received':
      return '订单已完成，感谢支持村里的农户'
    case 'cancelled':
      return '订单已取消'
    case 'refunded':
      return '订单已取消，款项原路退回'
  }
}

export function OrderDetailView({ order: o, actions, onChanged, claims }: Props) {
  const a = o.address
  return (
    <View className="order-detail">
      <View className="order-detail__status">
        <Text id="order-status" className="order-detail__status-label">
          {STATUS_LABELS[o.status]}
        </Text>
        <Text className="order-detail__status-hint">{statusHint(o)}</Text>
      </View>

      <View className="order-detail__block">
        <Text className="order-detail__heading">收货地址</Text>
        <Text className="order-detail__strong">
          {a.name} {a.phone}
        </Text>
        <Text className="order-detail__muted">
          {a.province} {a.city} {a.district} {a.detail}
        </Text>
      </View>

      <OrderParcel order={o} />

      <OrderRefunds order={o} />
      <OrderAfterSale order={o} claims={claims} />

      <View className="order-detail__block">
        <Text className="order-detail__heading">{o.farmer.name} · {o.farmer.village}</Text>
        {o.items.map((i) => (
          <View key={i.specId} className="order-detail__item">
            <View className="order-detail__item-main">
              <Text>{i.title}</Text>
              <Text className="order-detail__muted">{i.specName}</Text>
              <PackedLine order={o} item={i} />
            </View>
            <Text className="order-detail__item-side">
              {formatFen(i.unitPriceFen)} ×{i.quantity}
            </Text>
          </View>
        ))}
        <View className="order-detail__row">
          <Text>商品</Text>
          <Text>{formatFen(o.itemsFen)}</Text>
        </View>
        <View className="order-detail__row">
          <Text>运费</Text>
          <Text>{o.shippingFen === 0 ? '包邮' : formatFen(o.shippingFen)}</Text>
        </View>
        <View className="order-detail__row order-detail__row--strong">
          <Text>{totalLabel(o)}</Text>
          <Text id="order-total" className="order-detail__price">
            {formatFen(o.totalFen)}
          </Text>
        </View>
      </View>

      <View className="order-detail__block">
        <Text className="order-detail__heading">订单信息</Text>
        <View className="order-detail__row">
          <Text>订单编号</Text>
          <Text>{o.orderNo}</Text>
        </View>
        <View className="order-detail__row">
          <Text>下单时间</Text>
          <Text>{formatChinaDateTime(o.createdAt)}</Text>
        </View>
        {o.paidAt ? (
          <View className="order-detail__row">
            <Text>支付时间</Text>
            <Text>{formatChinaDateTime(o.paidAt)}</Text>
          </View>
        ) : null}
        <View className="order-detail__row">
          <Text>备注</Text>
          <Text className="order-detail__note">{o.note || '无'}</Text>
        </View>
        <ContactService id="order-contact" sessionFrom={`order:${o.orderNo}`} phone={o.servicePhone} card={{ title: `订单 ${o.orderNo}`, path: routes.order(o.id) }} />
      </View>

      {o.events.length > 0 ? (
        <View className="order-detail__block" id="order-timeline">
          <Text className="order-detail__heading">订单进度</Text>
          {[...o.events].reverse().map((e, idx) => {
            const title = eventTitle(e)
            const note = timelineNote(e, title)
            return (
              <View key={`${e.at}-${idx}`} className={`order-event${idx === 0 ? ' order-event--latest' : ''}`}>
                <View className="order-event__dot" />
                <View className="order-event__body">
                  <Text className="order-event__title">{title}</Text>
                  {note ? <Text className="order-event__note">{note}</Text> : null}
                  <Text className="order-event__time">{formatChinaDateTime(e.at, 'YYYY-MM-DD HH:mm:ss')}</Text>
                </View>
              </View>
            )
          })}
        </View>
      ) : null}

      <OrderActionButtons order={o} actions={actions} onChanged={onChanged} place="bar" />
    </View>
  )
}
