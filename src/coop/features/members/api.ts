/** The cooperative's members: the list, activation, the commission, the service phone, and invites for new members. */
import type { MemberDto, MemberListDto } from '@contracts/coop'
import type { CoopSettingsDto } from '@contracts/freight'
import { apiGet, apiPost, apiPut } from '../../../lib/request'

export const membersApi = {
  members: (week: string) => apiGet<MemberListDto>('/api/v1/coop/members', { week }),
  setActive: (farmerId: number, active: boolean) => apiPost<MemberDto>(`/api/v1/coop/members/${farmerId}/${active ? 'activate' : 'deactivate'}`),
  setCommission: (bps: number) => apiPut<{ commissionBps: number }>('/api/v1/coop/commission', { bps }),
  /** The cooperative's settings: its service phone (联系客服 on H5). */
  settings: () => apiGet<CoopSettingsDto>('/api/v1/coop/settings'),
  setServicePhone: (servicePhone: string | null) => apiPut<CoopSettingsDto>('/api/v1/coop/settings', { servicePhone }),
  /** The invites API of the farmer side: a code a new member opens to join. */
  invite: () => apiPost<{ code: string; expiresAt: string; sharePath: string }>('/api/v1/coop/invites'),
}
