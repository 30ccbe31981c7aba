import { Text, View } from '@tarojs/components'
import './section-title.scss'

export function SectionTitle({ title, note }: { title: string; note?: string }) {
  return (
    <View className="section-title">
      <Text className="section-title__text">{title}</Text>
      {note ? <Text className="section-title__note">{note}</Text> : null}
    </View>
  )
}
