/** A price as buyers read it: "¥12.80 / 斤", with "起" when it is the lowest of several. */
import { Text, View } from '@tarojs/components'
import { formatFen } from '@domain/money'
import './price-text.scss'

interface Props {
  fen: number
  unit?: string
  /** the lowest of several prices: adds "起" */
  from?: boolean
  size?: 'normal' | 'large'
}

export function PriceText({ fen, unit, from = false, size = 'normal' }: Props) {
  return (
    <View className={`price-text price-text--${size}`}>
      <Text className="price-text__amount">{formatFen(fen)}</Text>
      {unit ? <Text className="price-text__unit"> / {unit}</Text> : null}
      {from ? <Text className="price-text__from">起</Text> : null}
    </View>
  )
}
