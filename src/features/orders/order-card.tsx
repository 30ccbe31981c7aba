/** One order in 我的订单: farmer, items, total, status, and what can be done to it. */
import { Text, View } from '@tarojs/components'
import type { OrderSummaryDto } from '@contracts/orders'
import { formatFen } from '@domain/money'
import { STATUS_LABELS } from '@domain/order-states'
import { openPage, routes } from '../../lib/navigation'
import { itemCount, totalLabel } from './labels'
import { OrderActionButtons } from './order-action-buttons'
import type { OrderActions } from './use-order-actions'
import './order-list.scss'

/** Only the first few items are listed on a card. */
const ITEMS_SHOWN = 3

interface Props {
  order: OrderSummaryDto
  actions: OrderActions
  onChanged: (order: OrderSummaryDto) => void
}

export function OrderCard({ order: o, actions, onChanged }: Props) {
  return (
    <View id={`order-card-${o.id}`} className="order-card" onClick={() => openPage(routes.order(o.id))}>
      <View className="order-card__head">
        <Text className="order-card__farmer">{o.farmer.name}</Text>
        <Text className={`order-card__status order-card__status--${o.status}`}>{STATUS_LABELS[o.status]}</Text>
      </View>
      {o.items.slice(0, ITEMS_SHOWN).map((i) => (
        <View key={i.specId} className="order-card__item">
          <Text className="order-card__item-title">
            {i.title} · {i.specName}
          </Text>
          <Text className="order-card__item-qty">
            {formatFen(i.unitPriceFen)} ×{i.quantity}
          </Text>
        </View>
      ))}
      {o.items.length > ITEMS_SHOWN ? <Text className="order-card__more">等 {o.items.length} 种商品</Text> : null}
      <View className="order-card__sum">
        <Text className="order-card__count">共 {itemCount(o)} 件</Text>
        <Text className="order-card__total-label">{totalLabel(o)}</Text>
        <Text className="order-card__total">{formatFen(o.totalFen)}</Text>
      </View>
      <OrderActionButtons order={o} actions={actions} onChanged={onChanged} place="card" />
    </View>
  )
}

