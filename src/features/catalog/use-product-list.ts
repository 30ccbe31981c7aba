/**
 * A cursor-paged product list: the first page on mount (and whenever the filters change),
 * `loadMore` on reach-bottom, never two requests at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProductCardDto } from '../../../server/src/contracts/catalog'
import { fetchProductPage, type ProductFilters } from './api'

export type ProductListStatus =
  | 'loading' // first page on its way (nothing to show yet)
  | 'error' // first page failed
  | 'ready' // a page is shown; more may follow
  | 'loading-more'
  | 'error-more' // a later page failed; what was loaded stays

export interface ProductList {
  items: ProductCardDto[]
  status: ProductListStatus
  error: unknown
  /** No more pages (the server sent no cursor). */
  done: boolean
  /** Loaded, and nothing matched. */
  empty: boolean
  loadMore: () => void
  retry: () => void
  /** Reload from the first page, keeping the current items until the answer arrives. */
  refresh: () => Promise<void>
}

interface ListState {
  items: ProductCardDto[]
  cursor: string | null
  status: ProductListStatus
  error: unknown
}

const INITIAL: ListState = { items: [], cursor: null, status: 'loading', error: null }

/** `filters` null: nothing to load (e.g. a search with no words yet). */
export function useProductList(filters: ProductFilters | null, pageSize?: number): ProductList {
  const key = filters ? JSON.stringify(filters) : null
  const [state, setState] = useState<ListState>(INITIAL)
  const stateRef = useRef(state)
  stateRef.current = state
  const filtersRef = useRef(filters)
  filtersRef.current = filters
  /** Bumped for each first-page load; answers for an older generation are dropped. */
  const generation = useRef(0)
  const busy = useRef(false)

  const fetchPage = useCallback(
    async (mode: 'first' | 'refresh' | 'more') => {
      const filtersNow = filtersRef.current
      if (!filtersNow) return
      if (mode === 'more' && busy.current) return
      const gen = mode === 'more' ? generation.current : ++generation.current
      const cursor = mode === 'more' ? stateRef.current.cursor : null
      busy.current = true
      if (mode === 'first') setState(INITIAL)
      if (mode === 'more') setState((s) => ({ ...s, status: 'loading-more', error: null }))
      try {
        const page = await fetchProductPage(filtersNow, cursor, pageSize)
        if (gen !== generation.current) return
        setState((s) => {
          const items = mode === 'more' ? appendNew(s.items, page.items) : page.items
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
    },
    [pageSize],
  )

  useEffect(() => {
    if (key === null) {
      generation.current++
      busy.current = false
      setState({ ...INITIAL, status: 'ready' })
      return
    }
    void fetchPage('first')
  }, [key, fetchPage])

  const loadMore = useCallback(() => {
    const s = stateRef.current
    if (s.status !== 'ready' || !s.cursor) return
    void fetchPage('more')
  }, [fetchPage])

  const retry = useCallback(() => {
    const s = stateRef.current
    void fetchPage(s.status === 'error-more' ? 'more' : 'first')
  }, [fetchPage])

  const refresh = useCallback(() => fetchPage('refresh'), [fetchPage])

  const settled = state.status === 'ready'
  return {
    items: state.items,
    status: state.status,
    error: state.error,
    done: settled && state.cursor === null && state.items.length > 0,
    empty: settled && state.cursor === null && state.items.length === 0 && key !== null,
    loadMore,
    retry,
    refresh,
  }
}

/** Appends a page, skipping products already shown (a product can move between pages while browsing). */
function appendNew(shown: ProductCardDto[], page: ProductCardDto[]): ProductCardDto[] {
  const seen = new Set(shown.map((p) => p.id))
  return shown.concat(page.filter((p) => !seen.has(p.id)))
}
