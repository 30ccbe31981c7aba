/**
 * One tab of 我的订单, paged by cursor: the first page when the tab changes, `loadMore` at the
 * bottom; `replace` puts an order back after an action on it.
 */
import { useCallback, useRef } from 'react'
import type { OrderStatusDto, OrderSummaryDto } from '@contracts/orders'
import { useCursorList, type CursorList } from '../../lib/use-cursor-list'
import { fetchOrderPage } from './api'

export interface OrderList extends CursorList<OrderSummaryDto> {
  /** An order changed (cancelled, confirmed): show its new state, or drop it from a tab it left. */
  replace: (order: OrderSummaryDto) => void
}

/** `enabled` false (signed out): nothing is asked. */
export function useOrderList(tab: OrderStatusDto | null, enabled = true): OrderList {
  const list = useCursorList(enabled ? `tab:${tab ?? 'all'}` : null, (cursor) => fetchOrderPage(tab, cursor))
  const tabRef = useRef(tab)
  tabRef.current = tab
  const { update } = list
  const replace = useCallback(
    (order: OrderSummaryDto) =>
      update((items) =>
        tabRef.current && order.status !== tabRef.current
          ? items.filter((o) => o.id !== order.id)
          : items.map((o) => (o.id === order.id ? order : o)),
      ),
    [update],
  )
  return { ...list, replace }
}
