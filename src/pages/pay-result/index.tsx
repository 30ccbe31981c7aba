/** 支付结果. Reads `?checkoutId=` (also where the H5 sandbox cashier comes back to). */
import { View } from '@tarojs/components'
import { ErrorState } from '../../components/status'
import { PayResultView } from '../../features/checkout'
import { parseIdParam } from '../../lib/navigation'
import { useRouter } from '../../lib/page'

export default function PayResultPage() {
  const router = useRouter()
  const checkoutId = parseIdParam(router.params.checkoutId)
  return (
    <View className="page">
      {checkoutId === null ? <ErrorState message="没有找到这笔订单" /> : <PayResultView checkoutId={checkoutId} />}
    </View>
  )
}
