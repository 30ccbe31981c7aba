/**
 * One member's household page: loads it (the server audits the view of the full number), and
 * sets or ends its status after the manager confirms; the answer replaces what is shown.
 */
import { useState } from 'react'
import type { HouseholdDetailDto, SetHouseholdBodyDto } from '@contracts/households'
import { userMessage } from '../../../lib/api-error'
import { confirmModal, showToast, type ConfirmOptions } from '../../../lib/page'
import { useResource, type Resource } from '../../../lib/use-resource'
import { householdsApi } from './api'
import { formatDate, HOUSEHOLD_STATUS_LABELS } from './labels'

export interface HouseholdPage {
  resource: Resource<HouseholdDetailDto>
  busy: boolean
  save: (body: SetHouseholdBodyDto) => Promise<void>
  end: (endedOn: string) => Promise<void>
}

export function useHousehold(farmerId: number | null): HouseholdPage {
  const loaded = useResource(farmerId === null ? null : `household:${farmerId}`, () => householdsApi.detail(farmerId as number))
  const [saved, setSaved] = useState<HouseholdDetailDto | null>(null)
  const [busy, setBusy] = useState(false)
  const resource: Resource<HouseholdDetailDto> = saved ? { ...loaded, state: { status: 'ready', data: saved, error: null } } : loaded
  const name = resource.state.data?.name ?? ''

  const run = async (confirm: ConfirmOptions, call: () => Promise<HouseholdDetailDto>, done: string) => {
    if (busy || farmerId === null || !(await confirmModal(confirm))) return
    setBusy(true)
    try {
      setSaved(await call())
      showToast(done)
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return {
    resource,
    busy,
    save: (body) =>
      run(
        { title: '保存在册信息', content: `${name}：${HOUSEHOLD_STATUS_LABELS[body.status]}，自${formatDate(body.since)}起；户编号 ${body.registryNo}，户主 ${body.headName}。`, confirmText: '保存' },
        () => householdsApi.set(farmerId as number, body),
        '已保存',
      ),
    end: (endedOn) =>
      run(
        { title: '移出名单', content: `${name}在册到${formatDate(endedOn)}为止，之后的销售不再计入在册户收入。`, confirmText: '移出' },
        () => householdsApi.end(farmerId as number, { endedOn }),
        '已移出名单',
      ),
  }
}
