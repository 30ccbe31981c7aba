/**
 * The listing form's draft, saved to the phone's storage on every change, so a dropped
 * connection or a closed app loses nothing. One draft for a new product, one per product edited.
 */
import { useCallback, useState } from 'react'
import { taroStorage } from '../../../lib/storage'
import { DRAFT_VERSION, type ListingDraft } from './draft'

const keyOf = (productId: number | null) => `xiangji-listing-draft:${productId ?? 'new'}`

export function loadDraft(productId: number | null): ListingDraft | null {
  const raw = taroStorage.getItem(keyOf(productId))
  if (typeof raw !== 'string') return null
  try {
    const draft = JSON.parse(raw) as ListingDraft
    return draft && draft.version === DRAFT_VERSION && Array.isArray(draft.specs) && Array.isArray(draft.photos) ? draft : null
  } catch {
    return null
  }
}

export function clearDraft(productId: number | null): void {
  void taroStorage.removeItem(keyOf(productId))
}

export function useListingDraft(initial: ListingDraft) {
  const [draft, setDraftState] = useState<ListingDraft>(initial)
  const update = useCallback((change: Partial<ListingDraft> | ((d: ListingDraft) => ListingDraft)) => {
    setDraftState((d) => {
      const next = typeof change === 'function' ? change(d) : { ...d, ...change }
      void taroStorage.setItem(keyOf(next.productId), JSON.stringify(next))
      return next
    })
  }, [])
  const reset = useCallback((next: ListingDraft) => {
    clearDraft(next.productId)
    setDraftState(next)
  }, [])
  return { draft, update, reset }
}
