/** The orders of one tab, with loading / error / empty / end states. */
import { PagedList } from '../../components/paged-list'
import { OrderCard } from './order-card'
import { useOrderActions } from './use-order-actions'
import type { OrderList } from './use-order-list'
import './order-list.scss'

export function OrderListView({ list }: { list: OrderList }) {
  const actions = useOrderActions()
  return (
    <PagedList list={list} className="order-list" emptyText="暂时没有相关订单" emptyHint="去首页看看当季鲜货吧">
      {list.items.map((o) => (
        <OrderCard key={o.id} order={o} actions={actions} onChanged={list.replace} />
      ))}
    </PagedList>
  )
}
