/** Big buttons, one per courier (codes WeChat's shipping API takes). */
import { Text, View } from '@tarojs/components'
import { COURIERS } from '@domain/couriers'
import './ship.scss'

export function CourierPicker({ value, onChange }: { value: string | null; onChange: (code: string) => void }) {
  return (
    <View className="f-couriers">
      {COURIERS.map((c) => (
        <View
          key={c.code}
          id={`courier-${c.code}`}
          className={`f-couriers__item${value === c.code ? ' f-couriers__item--on' : ''}`}
          onClick={() => onChange(c.code)}
        >
          <Text>{c.short}</Text>
        </View>
      ))}
    </View>
  )
}
