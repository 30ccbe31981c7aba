/** 我的订单: a tab per status (`?status=`), paged; pay, cancel or confirm receipt from the cards. */
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { EmptyState } from '../../components/status'
import { OrderListView, OrderTabs, parseOrderStatus, useOrderList } from '../../features/orders'
import { openTab, routes } from '../../lib/navigation'
import { stopPullDownRefresh, useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '../../lib/page'
import { useSession } from '../../stores/session'

export default function OrdersPage() {
  const router = useRouter()
  const signedIn = useSession((s) => !!s.token)
  const [status, setStatus] = useState(() => parseOrderStatus(router.params.status))
  const list = useOrderList(status, signedIn)
  const shown = useRef(false)

  useReachBottom(() => list.loadMore())
  usePullDownRefresh(() => {
    void list.refresh().finally(stopPullDownRefresh)
  })
  // Back from an order or a payment: its state may have changed.
  useDidShow(() => {
    if (shown.current) void list.refresh()
    shown.current = true
  })

  if (!signedIn) {
    return (
      <View className="page" onClick={() => openTab(routes.mine)}>
        <EmptyState text="请先登录" hint="登录后查看你的订单 ›" />
      </View>
    )
  }
  return (
    <View className="page">
      <OrderTabs value={status} onChange={setStatus} />
      <OrderListView list={list} />
    </View>
  )
}
