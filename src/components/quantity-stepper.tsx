/** − n + : a quantity within [min, max]. A value above max (stock went down) steps straight to max. */
import { Text, View } from '@tarojs/components'
import './quantity-stepper.scss'

interface Props {
  value: number
  max: number
  min?: number
  onChange: (value: number) => void
  /** ids: `<idPrefix>-minus`, `<idPrefix>-value`, `<idPrefix>-plus` */
  idPrefix: string
  disabled?: boolean
}

export function QuantityStepper({ value, max, min = 1, onChange, idPrefix, disabled = false }: Props) {
  const canDown = !disabled && value > min
  const canUp = !disabled && value < max
  return (
    <View className={`stepper${disabled ? ' stepper--disabled' : ''}`}>
      <View
        id={`${idPrefix}-minus`}
        className={`stepper__btn${canDown ? '' : ' stepper__btn--off'}`}
        onClick={(e) => {
          e.stopPropagation()
          if (canDown) onChange(Math.max(min, Math.min(value - 1, max)))
        }}
      >
        <Text>−</Text>
      </View>
      <Text id={`${idPrefix}-value`} className="stepper__value">
        {value}
      </Text>
      <View
        id={`${idPrefix}-plus`}
        className={`stepper__btn${canUp ? '' : ' stepper__btn--off'}`}
        onClick={(e) => {
          e.stopPropagation()
          if (canUp) onChange(Math.min(max, value + 1))
        }}
      >
        <Text>+</Text>
      </View>
    </View>
  )
}
