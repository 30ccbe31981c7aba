/**
 * The farmer's 售后 queue, one tab (待处理 = open, or 全部), paged by cursor; `replace` shows a
 * claim's new state after the farmer answered it (it leaves 待处理 on the next refresh).
 */
import { useCallback } from 'react'
import type { ClaimDto } from '@contracts/after-sales'
import type { ClaimStatus } from '@domain/claim-states'
import { useCursorList, type CursorList } from '../../../lib/use-cursor-list'
import { fetchFarmerClaims } from './api'

export interface ClaimQueue extends CursorList<ClaimDto> {
  replace: (claim: ClaimDto) => void
}

/** `enabled` false (not signed in as a farmer): nothing is asked. */
export function useClaimQueue(status: ClaimStatus | null, enabled: boolean): ClaimQueue {
  const list = useCursorList(enabled ? `claims:${status ?? 'all'}` : null, (cursor) => fetchFarmerClaims(status, cursor))
  const { update } = list
  const replace = useCallback((claim: ClaimDto) => update((items) => items.map((c) => (c.id === claim.id ? claim : c))), [update])
  return { ...list, replace }
}
