/** 订单详情. Reads `?id=`. */
import { useRef } from 'react'
import { View } from '@tarojs/components'
import { LoadError } from '../../components/load-error'
import { LoadingState } from '../../components/status'
import { OrderDetailView, useOrderActions, useOrderClaims, useOrderDetail } from '../../features/orders'
import { parseIdParam } from '../../lib/navigation'
import { stopPullDownRefresh, useDidShow, usePullDownRefresh, useRouter } from '../../lib/page'

export default function OrderPage() {
  const router = useRouter()
  const id = parseIdParam(router.params.id)
  const detail = useOrderDetail(id)
  const actions = useOrderActions()
  const claims = useOrderClaims(id)
  const shown = useRef(false)

  usePullDownRefresh(() => {
    void Promise.all([detail.refresh(), claims.refresh()]).finally(stopPullDownRefresh)
  })
  // Back from paying or from a claim: the order and its claims may have moved on.
  useDidShow(() => {
    if (shown.current) void Promise.all([detail.refresh(), claims.refresh()])
    shown.current = true
  })

  if (detail.order) {
    return (
      <View className="page">
        <OrderDetailView order={detail.order} actions={actions} onChanged={detail.setOrder} claims={claims.claims} />
      </View>
    )
  }
  if (detail.state.status === 'error') {
    return <LoadError error={detail.state.error} missingText="订单不存在" onRetry={detail.retry} />
  }
  return <LoadingState />
}
