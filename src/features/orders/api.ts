/** The buyer's orders, their after-sale claims, and a shipped order's parcel trail. */
import type { ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto, OrderPageDto, OrderStatusDto } from '@contracts/orders'
import type { ParcelTrailDto } from '@contracts/freight'
import { apiGet, apiPost } from '../../lib/request'

export const ORDER_PAGE_SIZE = 10

export function fetchOrderPage(status: OrderStatusDto | null, cursor: string | null): Promise<OrderPageDto> {
  return apiGet<OrderPageDto>('/api/v1/orders', { status, cursor, limit: ORDER_PAGE_SIZE })
}

export function fetchOrder(id: number): Promise<OrderDetailDto> {
  return apiGet<OrderDetailDto>(`/api/v1/orders/${id}`)
}

/** Unpaid: cancelled and stock released. Paid, not shipped: refunded. */
export function cancelOrder(id: number, reason?: string): Promise<OrderDetailDto> {
  return apiPost<OrderDetailDto>(`/api/v1/orders/${id}/cancel`, reason ? { reason } : {})
}

export function confirmReceipt(id: number): Promise<OrderDetailDto> {
  return apiPost<OrderDetailDto>(`/api/v1/orders/${id}/confirm-receipt`)
}

/** The order's after-sale claims (GET /api/v1/orders/:id/claims). */
export async function fetchOrderClaims(orderId: number): Promise<ClaimDto[]> {
  return (await apiGet<{ items: ClaimDto[] }>(`/api/v1/orders/${orderId}/claims`)).items
}

/** The parcel's trail of a shipped order (GET /api/v1/orders/:id/tracking), the courier's scans oldest first. */
export function fetchParcelTrail(orderId: number): Promise<ParcelTrailDto> {
  return apiGet<ParcelTrailDto>(`/api/v1/orders/${orderId}/tracking`)
}
