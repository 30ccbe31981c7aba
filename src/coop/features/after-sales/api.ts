/** 售后与退款 for the cooperative's manager: escalated claims to decide, refunds WeChat could not pay back. */
import type { ClaimDto, ClaimPageDto, DecideBodyDto, RefundAttentionDto } from '@contracts/after-sales'
import { apiGet, apiPost } from '../../../lib/request'

export const ESCALATED_PAGE_SIZE = 10
/** The workbench counts waiting claims from one page this long. */
export const COUNT_LIMIT = 50

export const afterSalesApi = {
  escalated: (cursor: string | null, limit = ESCALATED_PAGE_SIZE) => apiGet<ClaimPageDto>('/api/v1/coop/claims', { status: 'escalated', cursor, limit }),
  decide: (id: number, body: DecideBodyDto) => apiPost<ClaimDto>(`/api/v1/coop/claims/${id}/decide`, body),
  attention: () => apiGet<{ items: RefundAttentionDto[] }>('/api/v1/coop/refunds/attention'),
  resolve: (id: number, note: string) => apiPost<RefundAttentionDto>(`/api/v1/coop/refunds/${id}/resolve`, { note }),
}
