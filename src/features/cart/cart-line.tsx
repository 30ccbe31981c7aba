/** One line of the cart: tick, photo, title and spec, current price, flags, stepper, remove. */
import { Image, Text, View } from '@tarojs/components'
import type { PreviewLineDto } from '@contracts/orders'
import { CheckMark } from '../../components/check-mark'
import { PriceText } from '../../components/price-text'
import { QuantityStepper } from '../../components/quantity-stepper'
import { mediaUrl } from '../../lib/media'
import { openPage, routes } from '../../lib/navigation'
import { maxQuantity, useCart, type CartLine } from '../../stores/cart'
import { priceChangeLabel, problemLabel } from './labels'

interface Props {
  line: CartLine
  /** The server's view of this line; undefined until the first preview (or when signed out). */
  previewed: PreviewLineDto | undefined
}

export function CartLineRow({ line, previewed }: Props) {
  const toggle = useCart((s) => s.toggle)
  const setQuantity = useCart((s) => s.setQuantity)
  const remove = useCart((s) => s.remove)
  const problem = problemLabel(previewed)
  const blocked = previewed?.problem === 'SOLD_OUT' || previewed?.problem === 'UNAVAILABLE'
  const priceChange = priceChangeLabel(line.lastSeenPriceFen, previewed)
  const stock = previewed?.stock ?? line.stock
  return (
    <View id={`cart-line-${line.specId}`} className={`cart-line${blocked ? ' cart-line--blocked' : ''}`}>
      <CartLineCheck line={line} disabled={!!problem} onToggle={() => toggle(line.specId)} />
      <View className="cart-line__media" onClick={() => openPage(routes.product(line.productId))}>
        {line.cover ? (
          <Image className="cart-line__photo" src={mediaUrl(line.cover)} mode="aspectFill" lazyLoad />
        ) : (
          <View className="cart-line__photo cart-line__photo--none" />
        )}
      </View>
      <View className="cart-line__body">
        <Text className="cart-line__title">{line.title}</Text>
        <Text className="cart-line__spec">{line.specName}</Text>
        {priceChange ? <Text className="cart-line__flag cart-line__flag--price">{priceChange}</Text> : null}
        {problem ? <Text className="cart-line__flag">{problem}</Text> : null}
        <View className="cart-line__foot">
          <PriceText fen={previewed?.unitPriceFen ?? line.lastSeenPriceFen} unit={line.unit} />
          {blocked ? null : (
            <QuantityStepper
              idPrefix={`cart-qty-${line.specId}`}
              value={line.quantity}
              max={maxQuantity(stock)}
              onChange={(q) => setQuantity(line.specId, q)}
            />
          )}
        </View>
        <Text id={`cart-remove-${line.specId}`} className="cart-line__remove" onClick={() => remove([line.specId])}>
          删除
        </Text>
      </View>
    </View>
  )
}

function CartLineCheck({ line, disabled, onToggle }: { line: CartLine; disabled: boolean; onToggle: () => void }) {
  return (
    <View className="cart-line__check">
      <CheckMark id={`cart-check-${line.specId}`} checked={line.selected} disabled={disabled} onToggle={onToggle} />
    </View>
  )
}
