/** The farmer's 售后 queue: claims on my orders, and my answer to one (accept, offer, contest). */
import type { ClaimDto, ClaimPageDto, OfferBodyDto } from '@contracts/after-sales'
import type { ClaimStatus } from '@domain/claim-states'
import { apiGet, apiPost } from '../../../lib/request'

export const CLAIM_PAGE_SIZE = 10
/** The home page counts open claims from one page this long. */
export const OPEN_COUNT_LIMIT = 50

export function fetchFarmerClaims(status: ClaimStatus | null, cursor: string | null, limit = CLAIM_PAGE_SIZE): Promise<ClaimPageDto> {
  return apiGet<ClaimPageDto>('/api/v1/farmer/claims', { status, cursor, limit })
}

export const claimsApi = {
  accept: (id: number) => apiPost<ClaimDto>(`/api/v1/farmer/claims/${id}/accept`),
  offer: (id: number, body: OfferBodyDto) => apiPost<ClaimDto>(`/api/v1/farmer/claims/${id}/offer`, body),
  contest: (id: number, note: string) => apiPost<ClaimDto>(`/api/v1/farmer/claims/${id}/contest`, { note }),
}
