/** One order in 我的订单: farmer, items, total, status, and what can be done to it. */
import { Button, Text, View } from '@tarojs/components'
import type { OrderSummaryDto } from '../../../server/src/contracts/orders'
import { formatFen } from '../../domain/money'
import { STATUS_LABELS } from '../../domain/order-states'
import { openPage, routes } from '../../lib/navigation'
import { canCancel, canConfirm, canPay, itemCount, totalLabel } from './labels'
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
  const busy = actions.busyId === o.id
  // `|| undefined`, not false: Taro's H5 button greys out any disabled attribute, even "false".
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation()
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
      {canPay(o) || canCancel(o) || canConfirm(o) ? (
        <View className="order-card__actions" onClick={stop}>
          {canCancel(o) ? (
            <Button
              id={`order-cancel-${o.id}`}
              className="order-card__btn"
              size="mini"
              disabled={busy || undefined}
              onClick={async () => {
                const updated = await actions.cancel(o)
                if (updated) onChanged(updated)
              }}
            >
              取消订单
            </Button>
          ) : null}
          {canPay(o) ? (
            <Button
              id={`order-pay-${o.id}`}
              className="order-card__btn order-card__btn--primary"
              size="mini"
              loading={busy || undefined}
              disabled={busy || undefined}
              onClick={() => void actions.pay(o)}
            >
              去支付
            </Button>
          ) : null}
          {canConfirm(o) ? (
            <Button
              id={`order-confirm-${o.id}`}
              className="order-card__btn order-card__btn--primary"
              size="mini"
              disabled={busy || undefined}
              onClick={async () => {
                const updated = await actions.confirm(o)
                if (updated) onChanged(updated)
              }}
            >
              确认收货
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

