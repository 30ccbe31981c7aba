/** One spec's stock with big − / + buttons (and ±10 where there is room). */
import { Text, View } from '@tarojs/components'
import type { ListingSpecDto } from '@contracts/farmer-listings'
import { formatFen } from '@domain/money'
import { UNIT_WORDS } from './draft'
import './cards.scss'

interface Props {
  spec: ListingSpecDto
  onAdjust: (delta: number) => void
  busy?: boolean
  /** Also show −10 / +10. */
  wide?: boolean
}

export function StockStepper({ spec, onAdjust, busy = false, wide = false }: Props) {
  const tap = (delta: number) => () => {
    if (!busy && spec.stock + delta >= 0) onAdjust(delta)
  }
  return (
    <View className="ml__spec">
      <View>
        <Text className="ml__spec-name">{spec.name}</Text>
        <Text className="ml__spec-stock">{`${formatFen(spec.priceFen)}/${UNIT_WORDS[spec.unit]}`}</Text>
      </View>
      <View className="ml__stepper">
        {wide ? (
          <View id={`stock-${spec.id}-minus10`} className="ml__step-btn ml__step-btn--wide" onClick={tap(-10)}>
            −10
          </View>
        ) : null}
        <View id={`stock-${spec.id}-minus`} className="ml__step-btn" onClick={tap(-1)}>
          −
        </View>
        <Text id={`stock-${spec.id}-value`} className="ml__count">
          {spec.stock}
        </Text>
        <View id={`stock-${spec.id}-plus`} className="ml__step-btn" onClick={tap(1)}>
          +
        </View>
        {wide ? (
          <View id={`stock-${spec.id}-plus10`} className="ml__step-btn ml__step-btn--wide" onClick={tap(10)}>
            +10
          </View>
        ) : null}
      </View>
    </View>
  )
}
