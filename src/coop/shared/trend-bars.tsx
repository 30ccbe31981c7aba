/** Vertical bars for a few weeks (plain Views, heights from the data); tap a bar to open that week. */
import { Text, View } from '@tarojs/components'

export interface Column {
  key: string
  label: string
  value: number
  display: string
  active?: boolean
}

export function TrendBars({ columns, onPick }: { columns: readonly Column[]; onPick?: (key: string) => void }) {
  const max = Math.max(0, ...columns.map((c) => c.value))
  return (
    <View className="c-trend">
      {columns.map((c) => (
        <View key={c.key} className={`c-trend__col${c.active ? ' c-trend__col--active' : ''}`} onClick={() => onPick?.(c.key)}>
          <Text className="c-trend__value">{c.display}</Text>
          <View className="c-trend__track">
            <View className="c-trend__fill" style={{ height: `${max > 0 ? Math.max(1, (Math.max(0, c.value) / max) * 100) : 1}%` }} />
          </View>
          <Text className="c-trend__label">{c.label}</Text>
        </View>
      ))}
    </View>
  )
}
