/** The home page's row of categories; a tap opens the category tab on that category. */
import { ScrollView, Text, View } from '@tarojs/components'
import type { CategoryDto } from '@contracts/catalog'
import { openCategory } from '../../lib/navigation'
import './category-chips.scss'

export function CategoryChips({ categories }: { categories: CategoryDto[] }) {
  if (categories.length === 0) return null
  return (
    <ScrollView className="category-chips" scrollX enhanced showScrollbar={false}>
      <View className="category-chips__row">
        {categories.map((c) => (
          <View key={c.id} id={`category-chip-${c.id}`} className="category-chips__chip" onClick={() => openCategory(c.id)}>
            <Text className="category-chips__name">{c.name}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
