/** 售后进度 (`?id=`): one claim of the buyer's, refreshed on pull-down and when shown again. */
import { useRef } from 'react'
import { LoadError } from '../../../components/load-error'
import { LoadingState } from '../../../components/status'
import { parseIdParam } from '../../../lib/navigation'
import { stopPullDownRefresh, useDidShow, usePullDownRefresh, useRouter } from '../../../lib/page'
import { ClaimDetailView, useClaim } from '../../features/claims'

export default function ClaimDetailPage() {
  const id = parseIdParam(useRouter().params.id)
  const claim = useClaim(id)
  const shown = useRef(false)

  usePullDownRefresh(() => {
    void claim.refresh().finally(stopPullDownRefresh)
  })
  // Back from the order: the farmer may have answered meanwhile.
  useDidShow(() => {
    if (shown.current) void claim.refresh()
    shown.current = true
  })

  const { state } = claim
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <LoadError error={state.error} missingText="售后不存在" onRetry={claim.retry} />
  return <ClaimDetailView claim={state.data} busy={claim.busy} onStep={(step) => void claim.take(step)} />
}
