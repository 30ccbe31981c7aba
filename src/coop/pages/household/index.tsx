/**
 * 在册信息: one member's household on the county's poverty-alleviation registry — the full 户编号
 * (the server writes each view to the audit log), the head, today's status and since when, the
 * history newest first; setting a new status, or 移出名单 with the last day on the registry.
 */
import { View } from '@tarojs/components'
import { LoadError } from '../../../components/load-error'
import { ErrorState, LoadingState } from '../../../components/status'
import { parseIdParam } from '../../../lib/navigation'
import { useRouter } from '../../../lib/page'
import { EndForm, HouseholdHistory, HouseholdSummary, StatusForm, useHousehold } from '../../features/households'
import { coopPage } from '../../shared/coop-gate'
import '../../shared/coop.scss'

function HouseholdContent({ farmerId }: { farmerId: number }) {
  const page = useHousehold(farmerId)
  const { state } = page.resource
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <LoadError error={state.error} missingText="找不到这位社员" onRetry={page.resource.retry} />
  const detail = state.data
  // A new status or an end shows the forms afresh (today's date, the saved number).
  const version = `${detail.current?.id ?? 'none'}:${detail.current?.endedOn ?? 'open'}:${detail.history.length}`
  return (
    <View>
      <HouseholdSummary detail={detail} />
      <StatusForm key={`set-${version}`} detail={detail} busy={page.busy} onSave={page.save} />
      <EndForm key={`end-${version}`} detail={detail} busy={page.busy} onEnd={page.end} />
      <HouseholdHistory history={detail.history} />
    </View>
  )
}

function Household() {
  const farmerId = parseIdParam(useRouter().params.farmerId)
  return <View className="hh">{farmerId === null ? <ErrorState message="找不到这位社员" /> : <HouseholdContent farmerId={farmerId} />}</View>
}

export default coopPage(Household)
