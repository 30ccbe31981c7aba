/** The category tab's left column. */
import { Text, View } from '@tarojs/components'
import type { CategoryDto } from '@contracts/catalog'
import './category-sidebar.scss'

interface Props {
  categories: CategoryDto[]
  selectedId: string | null
  onSelect: (id: string) => void
}

export function CategorySidebar({ categories, selectedId, onSelect }: Props) {
  return (
    <View className="category-sidebar">
      {categories.map((c) => (
        <View
          key={c.id}
          id={`category-${c.id}`}
          className={`category-sidebar__item${c.id === selectedId ? ' category-sidebar__item--selected' : ''}`}
          onClick={() => onSelect(c.id)}
        >
          <Text className="category-sidebar__name">{c.name}</Text>
          <Text className="category-sidebar__count">{c.productCount} 款</Text>
        </View>
      ))}
    </View>
  )
}
