/** Step 2: what it is called, a few words about it, and its category. */
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { CategoryDto } from '@contracts/catalog'
import { LIMITS } from '@domain/limits'
import type { ListingDraft } from './draft'

interface Props {
  draft: ListingDraft
  categories: CategoryDto[]
  onChange: (change: Partial<ListingDraft>) => void
}

export function TextStep({ draft, categories, onChange }: Props) {
  return (
    <View className="lf__card">
      <Text className="lf__label">商品名称</Text>
      <Input
        id="listing-title"
        className="lf__input"
        value={draft.title}
        maxlength={LIMITS.titleMax}
        placeholder="如：高山红富士苹果"
        onInput={(e) => onChange({ title: e.detail.value })}
      />
      <Text className="lf__label">介绍一下（可不填）</Text>
      <Textarea
        id="listing-description"
        className="lf__textarea"
        value={draft.description}
        maxlength={LIMITS.descriptionMax}
        placeholder="怎么种的、什么味道、怎么保存"
        onInput={(e) => onChange({ description: e.detail.value })}
      />
      <Text className="lf__label">分类</Text>
      <View className="lf__chips">
        {categories.map((c) => (
          <View
            key={c.id}
            id={`category-${c.id}`}
            className={`lf__chip${draft.categoryId === c.id ? ' lf__chip--on' : ''}`}
            onClick={() => onChange({ categoryId: c.id })}
          >
            {c.name}
          </View>
        ))}
      </View>
    </View>
  )
}
