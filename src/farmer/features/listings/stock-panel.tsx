/** One product's stock on its own screen: big ±1 / ±10 per spec, sold out, pause or sell again. */
import { Text, View } from '@tarojs/components'
import type { ListingDto } from '@contracts/farmer-listings'
import { confirmModal } from '../../../lib/page'
import { statusChip } from './labels'
import { StockStepper } from './stock-stepper'
import { useListingActions } from './use-listing-actions'
import './cards.scss'

interface Props {
  listing: ListingDto
  onChange: (next: ListingDto) => void
}

export function StockPanel({ listing, onChange }: Props) {
  const actions = useListingActions(listing, onChange)
  const chip = statusChip(listing)
  const soldOut = async () => {
    if (await confirmModal({ title: '标记售罄', content: '所有规格的库存都会变成 0，买家不能再下单。', confirmText: '卖完了' })) void actions.soldOut()
  }
  return (
    <View className="ml">
      <View className="ml__card">
        <Text className="ml__title">{listing.title}</Text>
        <Text id="stock-chip" className={`ml__chip ml__chip--${chip.tone}`}>
          {chip.text}
        </Text>
        {listing.specs.map((s) => (
          <StockStepper key={s.id} wide spec={s} busy={actions.busy} onAdjust={(delta) => actions.adjust(s.id, delta)} />
        ))}
        <View className="ml__actions">
          {listing.status === 'on_sale' ? (
            <View id="stock-pause" className="ml__btn" onClick={actions.pause}>
              暂停销售
            </View>
          ) : (
            <View id="stock-resume" className="ml__btn ml__btn--primary" onClick={actions.resume}>
              重新上架
            </View>
          )}
          {listing.status !== 'sold_out' ? (
            <View id="stock-sold-out" className="ml__btn" onClick={soldOut}>
              全部卖完了
            </View>
          ) : null}
        </View>
      </View>
    </View>
  )
}
