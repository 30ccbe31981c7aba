/** A paged product list with its loading / error / empty / end states. */
import { View } from '@tarojs/components'
import { PagedList } from '../../components/paged-list'
import { EmptyState } from '../../components/status'
import { chinaDate } from '@domain/china-time'
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
  const today = chinaDate()
  return (
    <PagedList list={list} className="product-feed" emptyText={emptyText} emptyHint={emptyHint}>
      <View className={`product-feed__items product-feed__items--${layout}`}>
        {list.items.map((p) => (
          <ProductCard key={p.id} product={p} layout={layout} today={today} />
        ))}
      </View>
    </PagedList>
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
