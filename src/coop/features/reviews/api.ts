/** The review queue: listings of the cooperative's farmers held by the content check. */
import type { ListingDto, ReviewItemDto } from '@contracts/farmer-listings'
import { apiGet, apiPost } from '../../../lib/request'

export const reviewsApi = {
  /** At most 50, oldest first. */
  reviews: () => apiGet<{ items: ReviewItemDto[] }>('/api/v1/coop/reviews'),
  approve: (productId: number) => apiPost<ListingDto>(`/api/v1/coop/reviews/${productId}/approve`),
  /** Without a note the farmer reads the server's default reason. */
  reject: (productId: number, note?: string) => apiPost<ListingDto>(`/api/v1/coop/reviews/${productId}/reject`, note ? { note } : {}),
}
