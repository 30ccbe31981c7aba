/** The farmer's own products, page by page (newest first), reloaded when the page shows again. */
import { useCallback, useRef, useState } from 'react'
import type { ListingDto } from '@contracts/farmer-listings'
import { fetchMyListings } from './api'

export function useMyListings() {
  const [items, setItems] = useState<ListingDto[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const loading = useRef(false)

  const load = useCallback(async (cursor: string | null) => {
    if (loading.current) return
    loading.current = true
    try {
      const page = await fetchMyListings(cursor)
      setItems((list) => (cursor && list ? [...list, ...page.items] : page.items))
      setNext(page.nextCursor)
      setError(null)
    } catch (err) {
      setError(err)
    } finally {
      loading.current = false
    }
  }, [])

  const replace = useCallback((next: ListingDto) => setItems((list) => list?.map((l) => (l.id === next.id ? next : l)) ?? null), [])
  return { items, error, hasMore: next !== null, reload: () => load(null), loadMore: () => (next ? load(next) : Promise.resolve()), replace }
}
