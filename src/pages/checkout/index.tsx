/** 确认订单. Reads `?items=<specId>x<qty>,…&from=cart|buy`. */
import { View } from '@tarojs/components'
import { CheckoutView } from '../../features/checkout'
import { parseCheckoutItems } from '../../lib/navigation'
import { useRouter } from '../../lib/page'

export default function CheckoutPage() {
  const router = useRouter()
  const items = parseCheckoutItems(router.params.items)
  return (
    <View className="page">
      <CheckoutView items={items} from={router.params.from === 'cart' ? 'cart' : 'buy'} />
    </View>
  )
}
