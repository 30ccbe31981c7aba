/** 我的商品 (farmer subpackage): every product of mine, its status, stock and quick actions. */
import { View } from '@tarojs/components'
import { ListingList } from '../../features/listings'

export default function ListingsPage() {
  return (
    <View className="page">
      <ListingList />
    </View>
  )
}
