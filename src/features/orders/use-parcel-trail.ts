/** A shipped order's parcel trail, loaded when the order has shipped (and again when its number or status changes). */
import type { ParcelTrailDto } from '@contracts/freight'
import type { OrderDetailDto } from '@contracts/orders'
import { useResource, type Resource } from '../../lib/use-resource'
import { fetchParcelTrail } from './api'

/** Orders whose parcel the courier can be asked about. */
export const hasParcel = (o: OrderDetailDto) => (o.status === 'shipped' || o.status === 'received') && o.trackingNo !== null

export function useParcelTrail(order: OrderDetailDto): Resource<ParcelTrailDto> {
  return useResource(hasParcel(order) ? `parcel:${order.id}:${order.trackingNo}:${order.status}` : null, () => fetchParcelTrail(order.id))
}
