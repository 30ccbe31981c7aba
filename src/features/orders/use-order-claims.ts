/** The order's after-sale claims (the buyer's own), reloadable; null until they are loaded. */
import type { ClaimDto } from '@contracts/after-sales'
import { useResource } from '../../lib/use-resource'
import { fetchOrderClaims } from './api'

export function useOrderClaims(orderId: number | null) {
  const resource = useResource(orderId === null ? null : `order-claims:${orderId}`, () => fetchOrderClaims(orderId!))
  const claims: ClaimDto[] | null = resource.state.status === 'ready' ? resource.state.data : null
  return { claims, state: resource.state, refresh: resource.refresh, retry: resource.retry }
}
