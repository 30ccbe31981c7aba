/** The "我的商品" section of the farmer's home: how many are on sale / waiting, and the way in. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ListingDto } from '@contracts/farmer-listings'
import { openPage } from '../../../lib/navigation'
import { useDidShow } from '../../../lib/page'
import { fetchMyListings } from './api'
import { statusChip } from './labels'
import { listingRoutes } from './routes'
import './cards.scss'

function summary(items: ListingDto[]): string {
  if (items.length === 0) return '还没有商品，上架第一个吧'
  const count = (text: string) => items.filter((l) => statusChip(l).text === text).length
  const parts = [`在售 ${count('在售')} 个`]
  const waiting = count('审核中')
  const refused = count('未通过')
  const soldOut = count('已售罄')
  if (waiting) parts.push(`审核中 ${waiting} 个`)
  if (refused) parts.push(`未通过 ${refused} 个`)
  if (soldOut) parts.push(`售罄 ${soldOut} 个`)
  return parts.join(' · ')
}

export function MyProductsEntry() {
  const [text, setText] = useState('')
  useDidShow(() => {
    fetchMyListings(null, 50).then((page) => setText(summary(page.items)), () => setText(''))
  })
  return (
    <View id="my-products" className="my-products">
      <Text className="my-products__title">我的商品</Text>
      <Text className="my-products__summary">{text || '上架农产品，管理库存'}</Text>
      <View className="ml__actions">
        <View id="my-products-open" className="ml__btn" onClick={() => openPage(listingRoutes.list)}>
          管理商品
        </View>
        <View id="my-products-new" className="ml__btn ml__btn--primary" onClick={() => openPage(listingRoutes.create)}>
          上架新商品
        </View>
      </View>
    </View>
  )
}
