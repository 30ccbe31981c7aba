/**
 * 实发重量 of one line sold by weight (斤/kg) on the ship page: empty ships as ordered; below it,
 * before confirming, what the weight means ("少 0.5斤，将自动退 ¥5.00"), by the same rule the
 * server refunds with. After shipping, the weight packed as a plain line.
 */
import { Input, Text, View } from '@tarojs/components'
import type { OrderItemDto } from '@contracts/orders'
import { formatWeightIn, lineShortfallRefundFen, orderedGrams, packedHintText, packedLineText, parsePackedInput, type WeightUnit } from '@domain/packed-weight'
import './packed-weight.scss'

export type WeighedItem = OrderItemDto & { unit: WeightUnit }

interface Props {
  item: WeighedItem
  value: string
  /** Marked after a submit attempt with a value that is not a weight. */
  invalid: boolean
  disabled: boolean
  onChange: (value: string) => void
}

const DECIMALS_TEXT: Record<WeightUnit, string> = { 斤: '最多两位小数', kg: '最多三位小数' }

export function PackedWeightField({ item, value, invalid, disabled, onChange }: Props) {
  const parsed = parsePackedInput(item.unit, value)
  const bad = invalid || parsed === 'invalid'
  const refunds = parsed !== null && parsed !== 'invalid' && lineShortfallRefundFen({ ...item, packedWeightG: parsed }) > 0
  const hint = parsed === 'invalid' ? `请填重量数字（${item.unit}，${DECIMALS_TEXT[item.unit]}）` : packedHintText(item, parsed)
  return (
    <View className="f-packed">
      <Text className="f-packed__label">
        {item.title} {item.specName} · 下单 {formatWeightIn(item.unit, orderedGrams(item))}
      </Text>
      <View className={`f-packed__row${bad ? ' f-packed__row--bad' : ''}`}>
        <Text className="f-packed__name">实发重量</Text>
        <Input
          id={`packed-${item.id}`}
          className="f-packed__input"
          type="digit"
          placeholder="不填即按下单重量"
          value={value}
          maxlength={11}
          disabled={disabled}
          onInput={(e) => onChange(e.detail.value)}
        />
        <Text className="f-packed__unit">{item.unit}</Text>
      </View>
      {hint ? (
        <Text id={`packed-hint-${item.id}`} className={`f-packed__hint${bad || refunds ? ' f-packed__hint--refund' : ''}`}>
          {hint}
        </Text>
      ) : null}
    </View>
  )
}

/** A weighed line after shipping: what was packed (the value this page sent, or what the server has). */
export function PackedWeightDone({ item, value }: { item: WeighedItem; value: string }) {
  const sent = parsePackedInput(item.unit, value)
  const packedWeightG = typeof sent === 'number' ? sent : item.packedWeightG
  if (packedWeightG === null) return null
  const hint = packedHintText(item, packedWeightG)
  const text = packedLineText({ ...item, packedWeightG }, null)
  return (
    <Text id={`packed-done-${item.id}`} className="f-packed__done">
      {item.title} {text}
      {hint ? `（${hint}）` : ''}
    </Text>
  )
}
