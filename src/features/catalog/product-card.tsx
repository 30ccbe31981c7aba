/** One product in a list: photo, title, price, origin, farmer. Taps open the product page. */
import { Image, Text, View } from '@tarojs/components'
import type { ProductCardDto } from '@contracts/catalog'
import { PriceText } from '../../components/price-text'
import { mediaUrl } from '../../lib/media'
import { openPage, routes } from '../../lib/navigation'
import { cardBadge, cardPriceIsFrom } from './labels'
import './product-card.scss'

interface Props {
  product: ProductCardDto
  /** grid: two columns with the photo on top; row: photo on the left */
  layout?: 'grid' | 'row'
  today?: string
}

export function ProductCard({ product: p, layout = 'grid', today }: Props) {
  const badge = cardBadge(p, today)
  const unavailable = p.status !== 'on_sale'
  return (
    <View
      id={`product-card-${p.id}`}
      className={`product-card product-card--${layout}${unavailable ? ' product-card--unavailable' : ''}`}
      onClick={() => openPage(routes.product(p.id))}
    >
      <View className="product-card__media">
        {p.cover ? (
          <Image className="product-card__photo" src={mediaUrl(p.cover.thumbUrl)} mode="aspectFill" lazyLoad />
        ) : (
          <View className="product-card__photo product-card__photo--none">
            <Text>暂无图片</Text>
          </View>
        )}
        {badge ? <Text className={`product-card__badge product-card__badge--${badge.tone}`}>{badge.text}</Text> : null}
      </View>
      <View className="product-card__body">
        <Text className="product-card__title">{p.title}</Text>
        <Text className="product-card__origin">{p.origin}</Text>
        <PriceText fen={p.priceFromFen} unit={p.priceUnit} from={cardPriceIsFrom(p)} />
        <Text className="product-card__farmer">
          {p.farmer.name} · {p.farmer.village}
        </Text>
      </View>
    </View>
  )
}
