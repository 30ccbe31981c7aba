/** 我的商品: every product of mine with its status and quick actions; 上架新商品 at the bottom. */
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../components/status'
import { openPage } from '../../../lib/navigation'
import { useDidShow, useReachBottom } from '../../../lib/page'
import { listingErrorMessage } from './labels'
import { ListingCard } from './listing-card'
import { listingRoutes } from './routes'
import { useMyListings } from './use-my-listings'
import './cards.scss'

export function ListingList() {
  const { items, error, hasMore, reload, loadMore, replace } = useMyListings()
  useDidShow(() => void reload())
  useReachBottom(() => void loadMore())

  return (
    <View className="ml">
      {items === null && error ? <ErrorState message={listingErrorMessage(error)} onRetry={reload} /> : null}
      {items === null && !error ? <LoadingState /> : null}
      {items?.length === 0 ? <EmptyState text="还没有商品" hint="点下面的按钮，上架您的第一个农产品" /> : null}
      {items?.map((l) => <ListingCard key={l.id} listing={l} onChange={replace} />)}
      {hasMore ? (
        <Text className="ml__more" onClick={loadMore}>
          加载更多
        </Text>
      ) : null}
      <View id="listing-new" className="ml__new" onClick={() => openPage(listingRoutes.create)}>
        + 上架新商品
      </View>
    </View>
  )
}
