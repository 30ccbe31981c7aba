/** Invite API calls: what an invite is for, and accepting it. */
import type { MeDto } from '@contracts/auth'
import type { InviteAcceptDto, InviteInfoDto } from '@contracts/farmer-listings'
import { apiGet, apiPost } from '../../../lib/request'

export const fetchInvite = (code: string) => apiGet<InviteInfoDto>(`/api/v1/invites/${encodeURIComponent(code)}`)

export const acceptInvite = (code: string, input: InviteAcceptDto) =>
  apiPost<{ farmerId: number; user: MeDto }>(`/api/v1/invites/${encodeURIComponent(code)}/accept`, input)
