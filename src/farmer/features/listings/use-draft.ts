/**
 * The listing form's draft, saved to the phone's storage on every change, so a dropped
 * connection or a closed app loses nothing. One draft for a new product, one per product edited.
 */
import { useCallback, useState } from 'react'
import { mediaStillThere } from '../../../lib/media'
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

/**
 * A restored draft without the photos the server no longer has: an upload no listing used yet is
 * deleted a day after it was sent, and a draft on the phone can be older than that.
 */
export async function withPhotosStillThere(draft: ListingDraft): Promise<{ draft: ListingDraft; dropped: number }> {
  const there = await Promise.all(draft.photos.map((p) => mediaStillThere(p.thumbUrl)))
  const photos = draft.photos.filter((_, i) => there[i])
  return { draft: photos.length === draft.photos.length ? draft : { ...draft, photos }, dropped: draft.photos.length - photos.length }
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
