/** Every member's household status and masked number, by farmer id; loaded again when the page shows again (after the household page). */
import { useMemo, useRef } from 'react'
import { useDidShow } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { householdsApi } from './api'
import type { HouseholdListItem } from './household-badge'

export function useHouseholdList(): Map<number, HouseholdListItem> {
  const resource = useResource('coop-households', householdsApi.list)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void resource.refresh()
    shown.current = true
  })
  const data = resource.state.data
  return useMemo(() => new Map((data?.members ?? []).map((m) => [m.farmerId, m])), [data])
}
