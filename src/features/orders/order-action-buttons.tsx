/**
 * What the buyer can do to an order (取消订单, 去支付, 确认收货): mini buttons under a card in
 * 我的订单, or the fixed bar of 订单详情. Nothing is shown when nothing can be done.
 */
import { Button, View } from '@tarojs/components'
import type { OrderDetailDto, OrderSummaryDto } from '@contracts/orders'
import { orderActions } from './labels'
import type { OrderActions } from './use-order-actions'
import './order-action-buttons.scss'

interface Props {
  order: OrderSummaryDto
  actions: OrderActions
  onChanged: (order: OrderDetailDto) => void
  /** card: under an order card (ids carry the order id, taps do not open the card); bar: 订单详情 */
  place: 'card' | 'bar'
}

const stop = (e: { stopPropagation: () => void }) => e.stopPropagation()

export function OrderActionButtons({ order: o, actions, onChanged, place }: Props) {
  const can = orderActions(o)
  if (can.length === 0) return null
  const onCard = place === 'card'
  const block = onCard ? 'order-card' : 'order-detail'
  const id = (name: string) => (onCard ? `order-${name}-${o.id}` : `order-${name}`)
  const size = onCard ? 'mini' : undefined
  const busy = actions.busyId === o.id || undefined
  // `|| undefined`, not false: Taro's H5 button greys out any disabled attribute, even "false".
  const settle = (action: (order: OrderSummaryDto) => Promise<OrderDetailDto | null>) => async () => {
    const updated = await action(o)
    if (updated) onChanged(updated)
  }
  return (
    <View className={onCard ? 'order-card__actions' : 'order-detail__bar'} onClick={onCard ? stop : undefined}>
      {can.includes('cancel') ? (
        <Button id={id('cancel')} className={`${block}__btn`} size={size} disabled={busy} onClick={settle(actions.cancel)}>
          取消订单
        </Button>
      ) : null}
      {can.includes('pay') ? (
        <Button
          id={id('pay')}
          className={`${block}__btn ${block}__btn--primary`}
          size={size}
          loading={busy}
          disabled={busy}
          onClick={() => void actions.pay(o)}
        >
          去支付
        </Button>
      ) : null}
      {can.includes('confirm_receipt') ? (
        <Button
          id={id('confirm')}
          className={`${block}__btn ${block}__btn--primary`}
          size={size}
          disabled={busy}
          onClick={settle(actions.confirm)}
        >
          确认收货
        </Button>
      ) : null}
    </View>
  )
}
