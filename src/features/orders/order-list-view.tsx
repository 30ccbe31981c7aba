/** The orders of one tab, with loading / error / empty / end states. */
import { View } from '@tarojs/components'
import { ListFooter, type ListFooterState } from '../../components/list-footer'
import { EmptyState, ErrorState, LoadingState } from '../../components/status'
import { userMessage } from '../../lib/api-error'
import { OrderCard } from './order-card'
import { useOrderActions } from './use-order-actions'
import type { OrderList } from './use-order-list'
import './order-list.scss'

export function OrderListView({ list }: { list: OrderList }) {
  const actions = useOrderActions()
  if (list.status === 'loading') return <LoadingState />
  if (list.status === 'error') return <ErrorState message={userMessage(list.error)} onRetry={list.retry} />
  if (list.empty) return <EmptyState text="暂时没有相关订单" hint="去首页看看当季鲜货吧" />
  const footer: ListFooterState =
    list.status === 'loading-more' ? 'loading' : list.status === 'error-more' ? 'error' : list.done ? 'done' : 'idle'
  return (
    <View className="order-list">
      {list.items.map((o) => (
        <OrderCard key={o.id} order={o} actions={actions} onChanged={list.replace} />
      ))}
      <ListFooter state={footer} onRetry={list.retry} />
    </View>
  )
}
