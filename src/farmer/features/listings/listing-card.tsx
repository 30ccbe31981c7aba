/** One product in 我的商品: cover, title, status chip, stock ± per spec, and the quick actions. */
import { Image, Text, View } from '@tarojs/components'
import type { ListingDto } from '@contracts/farmer-listings'
import { mediaUrl } from '../../../lib/media'
import { openPage } from '../../../lib/navigation'
import { statusChip } from './labels'
import { listingRoutes } from './routes'
import { StockStepper } from './stock-stepper'
import { useListingActions } from './use-listing-actions'
import './cards.scss'

interface Props {
  listing: ListingDto
  onChange: (next: ListingDto) => void
}

export function ListingCard({ listing, onChange }: Props) {
  const actions = useListingActions(listing, onChange)
  const chip = statusChip(listing)
  const cover = listing.photos[0]
  const canSellAgain = listing.status !== 'on_sale'
  return (
    <View id={`listing-${listing.id}`} className="ml__card">
      <View className="ml__head" onClick={() => openPage(listingRoutes.edit(listing.id))}>
        {cover ? <Image className="ml__cover" src={mediaUrl(cover.thumbUrl)} mode="aspectFill" lazyLoad /> : <View className="ml__cover" />}
        <View className="ml__info">
          <Text className="ml__title">{listing.title}</Text>
          <Text id={`listing-${listing.id}-chip`} className={`ml__chip ml__chip--${chip.tone}`}>
            {chip.text}
          </Text>
          {listing.reviewNote ? <Text className="ml__note">{listing.reviewNote}</Text> : null}
        </View>
      </View>
      {listing.specs.map((s) => (
        <StockStepper key={s.id} spec={s} busy={actions.busy} onAdjust={(delta) => actions.adjust(s.id, delta)} />
      ))}
      <View className="ml__actions">
        <View id={`listing-${listing.id}-edit`} className="ml__btn" onClick={() => openPage(listingRoutes.edit(listing.id))}>
          修改
        </View>
        {canSellAgain ? (
          <View id={`listing-${listing.id}-resume`} className="ml__btn ml__btn--primary" onClick={actions.resume}>
            上架
          </View>
        ) : (
          <View id={`listing-${listing.id}-pause`} className="ml__btn" onClick={actions.pause}>
            暂停
          </View>
        )}
        {listing.status !== 'sold_out' ? (
          <View id={`listing-${listing.id}-sold-out`} className="ml__btn" onClick={actions.soldOut}>
            售罄
          </View>
        ) : null}
        <View id={`listing-${listing.id}-stock`} className="ml__btn" onClick={() => openPage(listingRoutes.stock(listing.id))}>
          库存
        </View>
      </View>
    </View>
  )
}
