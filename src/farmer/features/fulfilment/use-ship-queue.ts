/**
 * 待发货: the farmer's paid orders, oldest first, paged by cursor (never two requests at once),
 * and the orders ticked for 批量发货.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FarmerOrderDto } from '@contracts/fulfilment'
import { fetchFarmerOrders } from './api'

export type QueueStatus = 'loading' | 'error' | 'ready' | 'loading-more' | 'error-more'

interface State {
  items: FarmerOrderDto[]
  cursor: string | null
  status: QueueStatus
  error: unknown
}

const INITIAL: State = { items: [], cursor: null, status: 'loading', error: null }

export function useShipQueue(enabled: boolean) {
  const [state, setState] = useState<State>(INITIAL)
  const [selected, setSelected] = useState<number[]>([])
  const stateRef = useRef(state)
  stateRef.current = state
  const generation = useRef(0)
  const busy = useRef(false)

  const load = useCallback(async (mode: 'first' | 'refresh' | 'more') => {
    if (mode === 'more' && busy.current) return
    const gen = mode === 'more' ? generation.current : ++generation.current
    busy.current = true
    if (mode === 'first') setState(INITIAL)
    if (mode === 'more') setState((s) => ({ ...s, status: 'loading-more', error: null }))
    try {
      const page = await fetchFarmerOrders('paid', mode === 'more' ? stateRef.current.cursor : null)
      if (gen !== generation.current) return
      setState((s) => ({
        items: mode === 'more' ? s.items.concat(page.items.filter((o) => !s.items.some((x) => x.id === o.id))) : page.items,
        cursor: page.nextCursor,
        status: 'ready',
        error: null,
      }))
      // A ticked order that left the queue (shipped meanwhile) is no longer ticked.
      if (mode !== 'more') setSelected((ids) => ids.filter((id) => page.items.some((o) => o.id === id)))
    } catch (error) {
      if (gen !== generation.current) return
      setState((s) =>
        mode === 'first' || s.items.length === 0 ? { ...INITIAL, status: 'error', error } : { ...s, status: mode === 'more' ? 'error-more' : 'ready', error },
      )
    } finally {
      if (gen === generation.current) busy.current = false
    }
  }, [])

  useEffect(() => {
    if (enabled) void load('first')
  }, [enabled, load])

  const toggle = useCallback((id: number) => {
    setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : ids.concat(id)))
  }, [])

  const items = state.items
  const allSelected = items.length > 0 && items.every((o) => selected.includes(o.id))
  const toggleAll = useCallback(() => {
    setSelected(allSelected ? [] : stateRef.current.items.map((o) => o.id).slice(0, 50))
  }, [allSelected])

  return {
    items,
    status: state.status,
    error: state.error,
    hasMore: state.cursor !== null,
    selected,
    allSelected,
    toggle,
    toggleAll,
    loadMore: () => {
      if (stateRef.current.status === 'ready' && stateRef.current.cursor) void load('more')
    },
    retry: () => void load(stateRef.current.status === 'error-more' ? 'more' : 'first'),
    refresh: () => load('refresh'),
  }
}

export type ShipQueue = ReturnType<typeof useShipQueue>
