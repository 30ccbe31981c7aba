/** A paged product list with its loading / error / empty / end states. */
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../components/status'
import { ListFooter, type ListFooterState } from '../../components/list-footer'
import { userMessage } from '../../lib/api-error'
import { chinaDate } from '../../domain/dates'
import { ProductCard } from './product-card'
import type { ProductList } from './use-product-list'
import './product-feed.scss'

interface Props {
  list: ProductList
  layout?: 'grid' | 'row'
  emptyText?: string
  emptyHint?: string
}

export function ProductFeed({ list, layout = 'grid', emptyText = '暂时没有农产品', emptyHint }: Props) {
  if (list.status === 'loading') return <LoadingState />
  if (list.status === 'error') return <ErrorState message={userMessage(list.error)} onRetry={list.retry} />
  if (list.empty) return <EmptyState text={emptyText} hint={emptyHint} />
  const today = chinaDate()
  const footer: ListFooterState =
    list.status === 'loading-more' ? 'loading' : list.status === 'error-more' ? 'error' : list.done ? 'done' : 'idle'
  return (
    <View className="product-feed">
      <View className={`product-feed__items product-feed__items--${layout}`}>
        {list.items.map((p) => (
          <ProductCard key={p.id} product={p} layout={layout} today={today} />
        ))}
      </View>
      <ListFooter state={footer} onRetry={list.retry} />
    </View>
  )
}

/** Products already at hand (a farmer's few), no paging. */
export function ProductGrid({ items, emptyText = '暂时没有在售的农产品' }: { items: ProductList['items']; emptyText?: string }) {
  if (items.length === 0) return <EmptyState text={emptyText} />
  const today = chinaDate()
  return (
    <View className="product-feed__items product-feed__items--grid">
      {items.map((p) => (
        <ProductCard key={p.id} product={p} today={today} />
      ))}
    </View>
  )
}
