/** Horizontal bars drawn with plain Views: the bar's width is the value's share of the largest. */
import { Text, View } from '@tarojs/components'

export interface Bar {
  key: string | number
  label: string
  value: number
  display: string
  hint?: string
}

export function BarList({ bars, empty = '本周还没有销售' }: { bars: readonly Bar[]; empty?: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value))
  if (bars.length === 0 || max <= 0) return <Text className="c-muted">{empty}</Text>
  return (
    <View className="c-bars">
      {bars.map((b) => (
        <View key={b.key} className="c-bars__row">
          <View className="c-bars__label">
            <Text className="c-bars__name">{b.label}</Text>
            {b.hint ? <Text className="c-bars__hint">{b.hint}</Text> : null}
          </View>
          <View className="c-bars__track">
            <View className="c-bars__fill" style={{ width: `${Math.max(2, (Math.max(0, b.value) / max) * 100)}%` }} />
          </View>
          <Text className="c-bars__value">{b.display}</Text>
        </View>
      ))}
    </View>
  )
}
