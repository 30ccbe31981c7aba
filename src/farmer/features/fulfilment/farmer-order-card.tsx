/** One order to pack and ship: who and where, what, the buyer's note, how long it has waited. */
import { Button, Text, View } from '@tarojs/components'
import type { FarmerOrderDto } from '@contracts/fulfilment'
import { CheckMark } from '../../../components/check-mark'
import { formatFen } from '@domain/money'
import { daysWaiting, shortTime, waitingText } from './labels'
import './farmer-order-card.scss'

interface Props {
  order: FarmerOrderDto
  selected?: boolean
  onToggle?: () => void
  onShip?: () => void
}

export function FarmerOrderCard({ order: o, selected, onToggle, onShip }: Props) {
  const days = daysWaiting(o.paidAt)
  return (
    <View id={`farmer-order-${o.id}`} className={`f-card${selected ? ' f-card--selected' : ''}`}>
      <View className="f-card__head" onClick={onToggle}>
        {onToggle ? <CheckMark id={`select-${o.id}`} checked={!!selected} onToggle={onToggle} /> : null}
        <Text className="f-card__who">
          {o.address.name} {o.address.phone}
        </Text>
      </View>
      <Text className="f-card__address">{o.address.full}</Text>
      <View className="f-card__items">
        {o.items.map((i) => (
          <View key={i.specId} className="f-card__item">
            <Text className="f-card__item-title">
              {i.title} {i.specName}
            </Text>
            <Text className="f-card__item-qty">× {i.quantity}</Text>
          </View>
        ))}
      </View>
      {o.note ? <Text className="f-card__note">买家留言：{o.note}</Text> : null}
      <View className="f-card__foot">
        <View className="f-card__meta">
          <Text className={days >= 2 ? 'f-card__wait f-card__wait--late' : 'f-card__wait'}>{waitingText(days)}</Text>
          <Text className="f-card__muted">
            {shortTime(o.paidAt)} 付款 · 实收 {formatFen(o.totalFen)}
          </Text>
        </View>
        {onShip ? (
          <Button id={`ship-one-${o.id}`} className="f-button f-button--small" onClick={onShip}>
            发货
          </Button>
        ) : null}
      </View>
    </View>
  )
}
