/** Categories on the left, the chosen category's products on the right. Reads `?id=`. */
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { ErrorState, LoadingState, EmptyState } from '../../components/status'
import { CategorySidebar, ProductFeed, useCategories, useProductList } from '../../features/catalog'
import { userMessage } from '../../lib/api-error'
import { takePendingCategory } from '../../lib/navigation'
import { useDidShow, useReachBottom, useRouter } from '../../lib/page'
import './index.scss'

export default function CategoryPage() {
  const router = useRouter()
  const categories = useCategories()
  const [chosen, setChosen] = useState<string | null>(() => takePendingCategory() ?? router.params.id ?? null)

  // Another page (home's category row) asked for a category, then switched to this tab.
  useDidShow(() => {
    const pending = takePendingCategory()
    if (pending) setChosen(pending)
  })

  const list_ = categories.state.status === 'ready' ? categories.state.data : []
  // The chosen category if it exists, otherwise the first one.
  const selected = list_.find((c) => c.id === chosen)?.id ?? list_[0]?.id ?? null
  const filters = useMemo(() => (selected ? { category: selected } : null), [selected])
  const products = useProductList(filters)

  useReachBottom(() => products.loadMore())

  if (categories.state.status === 'loading') return <LoadingState />
  if (categories.state.status === 'error') {
    return <ErrorState message={userMessage(categories.state.error)} onRetry={categories.retry} />
  }
  if (list_.length === 0) return <EmptyState text="暂时还没有分类" />

  return (
    <View className="page category">
      <View className="category__side">
        <CategorySidebar categories={list_} selectedId={selected} onSelect={setChosen} />
      </View>
      <View className="category__main">
        <ProductFeed list={products} layout="row" emptyText="这个分类暂时没有农产品" />
      </View>
    </View>
  )
}
