/** How many listings wait for the manager, for the workbench's link; fetched again when the page shows again. */
import { useRef } from 'react'
import { useDidShow } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { reviewsApi } from './api'

export function useReviewCount(): number | null {
  const queue = useResource('coop-reviews', reviewsApi.reviews)
  const shownBefore = useRef(false)
  useDidShow(() => {
    // The first show is the mount, which loads already; later ones are returns from the queue.
    if (shownBefore.current) void queue.refresh()
    shownBefore.current = true
  })
  return queue.state.status === 'ready' ? queue.state.data.items.length : null
}
