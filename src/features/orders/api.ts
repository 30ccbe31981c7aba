/** The buyer's orders, and their after-sale claims. */
import type { ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto, OrderPageDto, OrderStatusDto } from '@contracts/orders'
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
