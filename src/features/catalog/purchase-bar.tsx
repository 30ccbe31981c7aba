/**
 * The product page's bottom bar: the chosen spec, a quantity stepper, 加入购物车 and 立即购买.
 * Sold-out specs cannot be chosen (SpecList), so with none in stock the buttons are off.
 */
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { ProductDetailDto, SpecDto } from '@contracts/catalog'
import { QuantityStepper } from '../../components/quantity-stepper'
import { openPage, openTab, routes } from '../../lib/navigation'
import { showToast } from '../../lib/page'
import { clampQuantity, maxQuantity, useCart } from '../../stores/cart'
import { useSession } from '../../stores/session'
import './purchase-bar.scss'

interface Props {
  product: ProductDetailDto
  /** The chosen spec; null when none can be bought. */
  spec: SpecDto | null
}

export function PurchaseBar({ product: p, spec }: Props) {
  const [quantity, setQuantity] = useState(1)
  const add = useCart((s) => s.add)
  const cartCount = useCart((s) => s.lines.length)
  const signedIn = useSession((s) => !!s.token)
  const buyable = !!spec && spec.stock > 0 && p.status === 'on_sale'

  // A spec with less stock than the quantity asked for brings the quantity down.
  useEffect(() => {
    if (spec) setQuantity((q) => clampQuantity(q, spec.stock))
  }, [spec])

  const addToCart = () => {
    if (!spec || !buyable) return
    const result = add(
      {
        specId: spec.id,
        productId: p.id,
        farmerId: p.farmer.id,
        farmerName: p.farmer.name,
        title: p.title,
        specName: spec.name,
        unit: spec.unit,
        cover: p.cover?.thumbUrl ?? p.photos[0]?.thumbUrl ?? null,
        lastSeenPriceFen: spec.priceFen,
        stock: spec.stock,
      },
      quantity,
    )
    showToast(result === 'added' ? '已加入购物车' : '购物车已满，请先结算或删除部分商品')
  }

  const buyNow = () => {
    if (!spec || !buyable) return
    if (!signedIn) {
      showToast('请先登录')
      openTab(routes.mine)
      return
    }
    openPage(routes.checkout([{ specId: spec.id, quantity }], 'buy'))
  }

  const unavailableText = p.status === 'paused' ? '暂停销售' : '已售罄'
  return (
    <View className="purchase-bar">
      {buyable && spec ? (
        <View className="purchase-bar__row">
          <Text className="purchase-bar__chosen">已选：{spec.name}</Text>
          <QuantityStepper idPrefix="product-qty" value={quantity} max={maxQuantity(spec.stock)} onChange={setQuantity} />
        </View>
      ) : null}
      <View className="purchase-bar__row">
        <View id="open-cart" className="purchase-bar__cart" onClick={() => openTab(routes.cart)}>
          <Text className="purchase-bar__cart-text">购物车</Text>
          {cartCount > 0 ? <Text className="purchase-bar__count">{cartCount}</Text> : null}
        </View>
        {buyable ? (
          <>
            <Button id="add-to-cart" className="purchase-bar__add" onClick={addToCart}>
              加入购物车
            </Button>
            <Button id="buy-now" className="purchase-bar__buy" onClick={buyNow}>
              立即购买
            </Button>
          </>
        ) : (
          <Button id="add-to-cart" className="purchase-bar__off" disabled>
            {unavailableText}
          </Button>
        )}
      </View>
    </View>
  )
}
