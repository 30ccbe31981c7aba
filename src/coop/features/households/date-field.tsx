/** A date row that opens the system date picker (China dates, YYYY-MM-DD). */
import { Picker, Text, View } from '@tarojs/components'
import { formatDate } from './labels'

interface Props {
  id: string
  label: string
  value: string
  start?: string
  end?: string
  onChange: (day: string) => void
}

export function DateField({ id, label, value, start, end, onChange }: Props) {
  return (
    <Picker id={id} mode="date" value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="hh-field">
        <Text>{label}</Text>
        <Text id={`${id}-value`} className="hh-field__value">
          {formatDate(value)} ›
        </Text>
      </View>
    </Picker>
  )
}
