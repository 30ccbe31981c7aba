/** Every spec of a product: name, price, net weight and stock. Tapping one selects it. */
import { Text, View } from '@tarojs/components'
import type { SpecDto } from '@contracts/catalog'
import { PriceText } from '../../components/price-text'
import { specWeightLabel, stockLabel } from './labels'
import './spec-list.scss'

interface Props {
  specs: SpecDto[]
  selectedId: number | null
  onSelect: (id: number) => void
}

export function SpecList({ specs, selectedId, onSelect }: Props) {
  return (
    <View className="spec-list">
      {specs.map((spec) => {
        const stock = stockLabel(spec.stock)
        const selected = spec.id === selectedId
        const classes = ['spec-list__item']
        if (selected) classes.push('spec-list__item--selected')
        if (stock.tone === 'none') classes.push('spec-list__item--none')
        return (
          <View
            key={spec.id}
            id={`spec-${spec.id}`}
            className={classes.join(' ')}
            onClick={() => {
              if (stock.tone !== 'none') onSelect(spec.id)
            }}
          >
            <View className="spec-list__main">
              <Text className="spec-list__name">{spec.name}</Text>
              <Text className="spec-list__weight">{specWeightLabel(spec)}</Text>
            </View>
            <View className="spec-list__side">
              <PriceText fen={spec.priceFen} unit={spec.unit} />
              <Text className={`spec-list__stock spec-list__stock--${stock.tone}`}>{stock.text}</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
