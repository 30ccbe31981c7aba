/** How many claims wait for the farmer's answer, for the home page's 售后 entry; asked again when the page shows again. */
import { useRef } from 'react'
import { useDidShow } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { fetchFarmerClaims, OPEN_COUNT_LIMIT } from './api'

/** "3", "50+" (more than one page holds), or null while unknown. */
export function useOpenClaimCount(enabled: boolean): string | null {
  const open = useResource(enabled ? 'farmer-open-claims' : null, () => fetchFarmerClaims('open', null, OPEN_COUNT_LIMIT))
  const shownBefore = useRef(false)
  useDidShow(() => {
    // The first show is the mount, which loads already; later ones are returns from the queue.
    if (shownBefore.current && enabled) void open.refresh()
    shownBefore.current = true
  })
  if (open.state.status !== 'ready') return null
  const { items, nextCursor } = open.state.data
  return nextCursor ? `${OPEN_COUNT_LIMIT}+` : String(items.length)
}
