/**
 * A cursor-paged list (products, orders): the first page on mount and whenever `key` changes,
 * `loadMore` on reach-bottom, never two requests at once; answers for an older key are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

/** One page as the API sends it: `nextCursor` null when there is no more. */
export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
}

export type CursorListStatus =
  | 'loading' // first page on its way (nothing to show yet)
  | 'error' // first page failed
  | 'ready' // a page is shown; more may follow
  | 'loading-more'
  | 'error-more' // a later page failed; what was loaded stays

export interface CursorList<T> {
  items: T[]
  status: CursorListStatus
  error: unknown
  /** No more pages (the server sent no cursor). */
  done: boolean
  /** Loaded, and nothing matched. */
  empty: boolean
  loadMore: () => void
  retry: () => void
  /** Reload from the first page, keeping the current items until the answer arrives. */
  refresh: () => Promise<void>
  /** Rewrites the loaded items (one changed, or left the list). */
  update: (change: (items: T[]) => T[]) => void
}

interface ListState<T> {
  items: T[]
  cursor: string | null
  status: CursorListStatus
  error: unknown
}

function initial<T>(): ListState<T> {
  return { items: [], cursor: null, status: 'loading', error: null }
}

/**
 * `key` names what is listed (the filters, the tab); null: nothing to load (signed out, no search
 * words yet). `loadPage` is read when a page is asked for, so it may be a new function each render.
 */
export function useCursorList<T extends { id: number | string }>(
  key: string | null,
  loadPage: (cursor: string | null) => Promise<CursorPage<T>>,
): CursorList<T> {
  const [state, setState] = useState<ListState<T>>(initial)
  const stateRef = useRef(state)
  stateRef.current = state
  const keyRef = useRef(key)
  keyRef.current = key
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage
  /** Bumped for each first-page load; answers for an older generation are dropped. */
  const generation = useRef(0)
  const busy = useRef(false)

  const fetchPage = useCallback(async (mode: 'first' | 'refresh' | 'more') => {
    if (keyRef.current === null) return
    if (mode === 'more' && busy.current) return
    const gen = mode === 'more' ? generation.current : ++generation.current
    const cursor = mode === 'more' ? stateRef.current.cursor : null
    busy.current = true
    if (mode === 'first') setState(initial())
    if (mode === 'more') setState((s) => ({ ...s, status: 'loading-more', error: null }))
    try {
      const page = await loadRef.current(cursor)
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
          : { ...initial<T>(), status: 'error', error },
      )
    } finally {
      if (gen === generation.current) busy.current = false
    }
  }, [])

  useEffect(() => {
    if (key === null) {
      generation.current++
      busy.current = false
      setState({ ...initial<T>(), status: 'ready' })
      return
    }
    void fetchPage('first')
  }, [key, fetchPage])

  const loadMore = useCallback(() => {
    const s = stateRef.current
    if (s.status === 'ready' && s.cursor) void fetchPage('more')
  }, [fetchPage])

  const retry = useCallback(() => {
    void fetchPage(stateRef.current.status === 'error-more' ? 'more' : 'first')
  }, [fetchPage])

  const refresh = useCallback(() => fetchPage('refresh'), [fetchPage])

  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => ({ ...s, items: change(s.items) }))
  }, [])

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
    update,
  }
}

/** Appends a page, skipping items already shown (an item can move between pages while browsing). */
function appendNew<T extends { id: number | string }>(shown: T[], page: T[]): T[] {
  const seen = new Set(shown.map((item) => item.id))
  return shown.concat(page.filter((item) => !seen.has(item.id)))
}
