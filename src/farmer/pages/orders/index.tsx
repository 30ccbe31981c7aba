/** 待发货: paid orders, oldest first; ship one, or tick several and 批量发货. */
import { useRef } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { CheckMark } from '../../../components/check-mark'
import { ListFooter } from '../../../components/list-footer'
import { EmptyState, ErrorState, LoadingState } from '../../../components/status'
import { openPage } from '../../../lib/navigation'
import { stopPullDownRefresh, useDidShow, usePullDownRefresh, useReachBottom } from '../../../lib/page'
import { FarmerSignIn, useIsFarmer } from '../../shared/farmer-gate'
import { FarmerOrderCard, farmerRoutes, requestErrorText, useShipQueue } from '../../features/fulfilment'
import '../../features/fulfilment/fulfilment.scss'

export default function FarmerOrdersPage() {
  const isFarmer = useIsFarmer()
  const queue = useShipQueue(isFarmer)
  const shown = useRef(false)

  useReachBottom(() => queue.loadMore())
  usePullDownRefresh(() => {
    void queue.refresh().finally(stopPullDownRefresh)
  })
  // Back from the ship page: shipped orders leave the queue.
  useDidShow(() => {
    if (shown.current) void queue.refresh()
    shown.current = true
  })

  if (!isFarmer) return <FarmerSignIn />
  if (queue.status === 'loading') return <LoadingState />
  if (queue.status === 'error') return <ErrorState message={requestErrorText(queue.error)} onRetry={queue.retry} />
  if (queue.items.length === 0) {
    return (
      <View className="f-page">
        <EmptyState text="没有要发货的订单" hint="买家付款后，订单会出现在这里" />
      </View>
    )
  }
  const footer = queue.status === 'loading-more' ? 'loading' : queue.status === 'error-more' ? 'error' : queue.hasMore ? 'idle' : 'done'
  const count = queue.selected.length
  return (
    <View className="f-page">
      {queue.items.map((o) => (
        <FarmerOrderCard
          key={o.id}
          order={o}
          selected={queue.selected.includes(o.id)}
          onToggle={() => queue.toggle(o.id)}
          onShip={() => openPage(farmerRoutes.ship([o.id]))}
        />
      ))}
      <ListFooter state={footer} onRetry={queue.retry} />
      <View className="f-bar">
        <View id="select-all" className="f-bar__all" onClick={queue.toggleAll}>
          <CheckMark checked={queue.allSelected} onToggle={queue.toggleAll} />
          <Text>全选</Text>
        </View>
        <Button
          id="ship-selected"
          className="f-button"
          disabled={count === 0}
          onClick={() => count > 0 && openPage(farmerRoutes.ship(queue.items.filter((o) => queue.selected.includes(o.id)).map((o) => o.id)))}
        >
          批量发货{count > 0 ? `(${count})` : ''}
        </Button>
      </View>
    </View>
  )
}
