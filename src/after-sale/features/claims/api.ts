/** The buyer's after-sale calls (server/src/contracts/after-sales.ts). */
import type { ClaimBodyDto, ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto } from '@contracts/orders'
import { apiGet, apiPost } from '../../../lib/request'
import type { BuyerStep } from './labels'

export function fetchOrder(orderId: number): Promise<OrderDetailDto> {
  return apiGet<OrderDetailDto>(`/api/v1/orders/${orderId}`)
}

/** This order's claims (the buyer's own). */
export async function fetchOrderClaims(orderId: number): Promise<ClaimDto[]> {
  return (await apiGet<{ items: ClaimDto[] }>(`/api/v1/orders/${orderId}/claims`)).items
}

export function fetchClaim(id: number): Promise<ClaimDto> {
  return apiGet<ClaimDto>(`/api/v1/claims/${id}`)
}

/** Files a claim; a retry with the same key returns the claim the first call made. */
export function fileClaim(orderId: number, body: ClaimBodyDto, idempotencyKey: string): Promise<ClaimDto> {
  return apiPost<ClaimDto>(`/api/v1/orders/${orderId}/claims`, body, { headers: { 'Idempotency-Key': idempotencyKey } })
}

/** 接受 / 请合作社处理 / 撤回. */
export function stepClaim(id: number, step: BuyerStep): Promise<ClaimDto> {
  return apiPost<ClaimDto>(`/api/v1/claims/${id}/${step.path}`)
}
