/**
 * One tab of 我的订单, paged by cursor: the first page when the tab changes, `loadMore` at the
 * bottom, never two requests at once; `replace` puts an order back after an action on it.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { OrderStatusDto, OrderSummaryDto } from '../../../server/src/contracts/orders'
import { fetchOrderPage } from './api'

export type OrderListStatus = 'loading' | 'error' | 'ready' | 'loading-more' | 'error-more'

export interface OrderList {
  items: OrderSummaryDto[]
  status: OrderListStatus
  error: unknown
  done: boolean
  empty: boolean
  loadMore: () => void
  retry: () => void
  refresh: () => Promise<void>
  /** An order changed (cancelled, confirmed): show its new state, or drop it from a tab it left. */
  replace: (order: OrderSummaryDto) => void
}

interface ListState {
  items: OrderSummaryDto[]
  cursor: string | null
  status: OrderListStatus
  error: unknown
}

const INITIAL: ListState = { items: [], cursor: null, status: 'loading', error: null }

/** `enabled` false (signed out): nothing is asked. */
export function useOrderList(tab: OrderStatusDto | null, enabled = true): OrderList {
  const [state, setState] = useState<ListState>(INITIAL)
  const stateRef = useRef(state)
  stateRef.current = state
  const tabRef = useRef(tab)
  tabRef.current = tab
  const generation = useRef(0)
  const busy = useRef(false)

  const fetchPage = useCallback(async (mode: 'first' | 'refresh' | 'more') => {
    if (mode === 'more' && busy.current) return
    const gen = mode === 'more' ? generation.current : ++generation.current
    const cursor = mode === 'more' ? stateRef.current.cursor : null
    busy.current = true
    if (mode === 'first') setState(INITIAL)
    if (mode === 'more') setState((s) => ({ ...s, status: 'loading-more', error: null }))
    try {
      const page = await fetchOrderPage(tabRef.current, cursor)
      if (gen !== generation.current) return
      setState((s) => {
        const items =
          mode === 'more' ? s.items.concat(page.items.filter((o) => !s.items.some((x) => x.id === o.id))) : page.items
        return { items, cursor: page.nextCursor, status: 'ready', error: null }
      })
    } catch (error) {
      if (gen !== generation.current) return
      setState((s) =>
        mode === 'more' || (mode === 'refresh' && s.items.length > 0)
          ? { ...s, status: mode === 'more' ? 'error-more' : s.status, error }
          : { ...INITIAL, status: 'error', error },
      )
    } finally {
      if (gen === generation.current) busy.current = false
    }
  }, [])

  useEffect(() => {
    if (!enabled) {
      generation.current++
      busy.current = false
      setState({ ...INITIAL, status: 'ready' })
      return
    }
    void fetchPage('first')
  }, [tab, enabled, fetchPage])

  const loadMore = useCallback(() => {
    const s = stateRef.current
    if (s.status === 'ready' && s.cursor) void fetchPage('more')
  }, [fetchPage])

  const retry = useCallback(() => {
    void fetchPage(stateRef.current.status === 'error-more' ? 'more' : 'first')
  }, [fetchPage])

  const enabledRef = useRef(enabled)
  enabledRef.current = enabled
  const refresh = useCallback(() => (enabledRef.current ? fetchPage('refresh') : Promise.resolve()), [fetchPage])

  const replace = useCallback((order: OrderSummaryDto) => {
    setState((s) => ({
      ...s,
      items:
        tabRef.current && order.status !== tabRef.current
          ? s.items.filter((o) => o.id !== order.id)
          : s.items.map((o) => (o.id === order.id ? order : o)),
    }))
  }, [])

  const settled = state.status === 'ready'
  return {
    items: state.items,
    status: state.status,
    error: state.error,
    done: settled && state.cursor === null && state.items.length > 0,
    empty: settled && state.cursor === null && state.items.length === 0,
    loadMore,
    retry,
    refresh,
    replace,
  }
}
