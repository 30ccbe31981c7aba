/** 购物车: what the buyer picked, grouped by farmer, priced by the server. */
import { View } from '@tarojs/components'
import { CartView } from '../../features/cart'

export default function CartPage() {
  return (
    <View className="page">
      <CartView />
    </View>
  )
}
