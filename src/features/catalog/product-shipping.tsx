/** What the product page says about shipping: 发货地, 满¥x包邮, and the provinces a parcel does not go to. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ProductShippingDto } from '@contracts/freight'
import { formatFen } from '@domain/money'
import './product-shipping.scss'

/** Up to this many provinces show before 展开. */
const SHOWN = 4

export function ProductShipping({ shipping: s }: { shipping: ProductShippingDto | undefined }) {
  const [expanded, setExpanded] = useState(false)
  if (!s || (!s.shipsFrom && s.notServed.length === 0 && s.freeFromFen === null)) return null
  const long = s.notServed.length > SHOWN
  const shown = long && !expanded ? s.notServed.slice(0, SHOWN) : s.notServed
  return (
    <View id="product-shipping" className="product-shipping">
      {s.shipsFrom ? (
        <View className="product-shipping__row">
          <Text className="product-shipping__label">发货地</Text>
          <Text id="product-ships-from" className="product-shipping__value">
            {s.shipsFrom}
          </Text>
        </View>
      ) : null}
      {s.freeFromFen !== null ? (
        <View className="product-shipping__row">
          <Text className="product-shipping__label">运费</Text>
          <Text id="product-free-from" className="product-shipping__value">
            满{formatFen(s.freeFromFen)}包邮
          </Text>
        </View>
      ) : null}
      {s.notServed.length > 0 ? (
        <View className="product-shipping__row">
          <Text className="product-shipping__label">不发货</Text>
          <View className="product-shipping__value">
            <Text id="product-not-served">
              以下地区不发货：{shown.join('、')}
              {long && !expanded ? ` 等${s.notServed.length}个地区` : ''}
            </Text>
            {long ? (
              <Text id="product-not-served-more" className="product-shipping__more" onClick={() => setExpanded((e) => !e)}>
                {expanded ? '收起' : '展开'}
              </Text>
            ) : null}
          </View>
        </View>
      ) : null}
    </View>
  )
}
