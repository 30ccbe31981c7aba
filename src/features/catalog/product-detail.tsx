/** Everything a buyer reads about one product, and the bar to put it in the cart or buy it now. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ProductDetailDto } from '@contracts/catalog'
import { PriceText } from '../../components/price-text'
import { chinaDate } from '@domain/china-time'
import { FarmerCard } from './farmer-card'
import { cardBadge, harvestLabel, hasSeveralPrices, shippingLabel } from './labels'
import { ProductGallery } from './product-gallery'
import { ProductShipping } from './product-shipping'
import { PurchaseBar } from './purchase-bar'
import { SpecList } from './spec-list'
import './product-detail.scss'

function firstAvailable(p: ProductDetailDto): number | null {
  const inStock = p.specs.find((s) => s.stock > 0)
  return inStock ? inStock.id : null
}

export function ProductDetail({ product: p }: { product: ProductDetailDto }) {
  const [specId, setSpecId] = useState<number | null>(() => firstAvailable(p))
  const spec = p.specs.find((s) => s.id === specId) ?? null
  const today = chinaDate()
  const badge = cardBadge(p, today)

  return (
    <View className="product-detail">
      <ProductGallery photos={p.photos} title={p.title} />

      <View className="product-detail__block product-detail__head">
        <View className="product-detail__price-row">
          {spec ? (
            <PriceText fen={spec.priceFen} unit={spec.unit} size="large" />
          ) : (
            <PriceText fen={p.priceFromFen} unit={p.priceUnit} from={hasSeveralPrices(p.specs)} size="large" />
          )}
          {badge ? <Text className={`product-detail__badge product-detail__badge--${badge.tone}`}>{badge.text}</Text> : null}
        </View>
        <Text className="product-detail__title">{p.title}</Text>
        <Text className="product-detail__origin">产地：{p.origin}</Text>
      </View>

      <View className="product-detail__block product-detail__facts">
        <View className="product-detail__fact">
          <Text className="product-detail__fact-label">采摘</Text>
          <Text className="product-detail__fact-value">{harvestLabel(p.harvestStart, p.harvestEnd)}</Text>
        </View>
        <View className="product-detail__fact">
          <Text className="product-detail__fact-label">发货</Text>
          <Text className="product-detail__fact-value">{shippingLabel(p.shipsFrom, today)}</Text>
        </View>
        <View className="product-detail__fact">
          <Text className="product-detail__fact-label">合作社</Text>
          <Text className="product-detail__fact-value">
            {p.cooperative.name}（{p.cooperative.province}
            {p.cooperative.county}）
          </Text>
        </View>
      </View>

      <ProductShipping shipping={p.shipping} />

      <View className="product-detail__block">
        <Text className="product-detail__heading">规格</Text>
        {p.specs.length > 0 ? (
          <SpecList specs={p.specs} selectedId={specId} onSelect={setSpecId} />
        ) : (
          <Text className="product-detail__muted">暂无可选规格</Text>
        )}
      </View>

      <View className="product-detail__block product-detail__block--flush">
        <Text className="product-detail__heading product-detail__heading--padded">种植农户</Text>
        <FarmerCard farmer={p.farmer} cooperativeName={p.cooperative.name} />
      </View>

      {p.description ? (
        <View className="product-detail__block">
          <Text className="product-detail__heading">商品介绍</Text>
          <Text className="product-detail__description">{p.description}</Text>
        </View>
      ) : null}

      <PurchaseBar product={p} spec={spec} />
    </View>
  )
}
