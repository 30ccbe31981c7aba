/** The farmer's fulfilment API: orders to ship, shipping, packing list, home figures. */
import type {
  FarmerHomeDto,
  FarmerOrderPageDto,
  FarmerOrderStatusDto,
  PackingListDto,
  ShipResultDto,
} from '@contracts/fulfilment'
import { apiGet, apiPost } from '../../../lib/request'

export const FARMER_PAGE_SIZE = 10

export function fetchFarmerOrders(status: FarmerOrderStatusDto, cursor: string | null): Promise<FarmerOrderPageDto> {
  return apiGet<FarmerOrderPageDto>('/api/v1/farmer/orders', { status, cursor, limit: FARMER_PAGE_SIZE })
}

/** The orders the ship page was opened for, in that order. */
export function fetchOrdersByIds(ids: readonly number[]): Promise<FarmerOrderPageDto> {
  return apiGet<FarmerOrderPageDto>('/api/v1/farmer/orders', { ids: ids.join(',') })
}

export interface ShipLine {
  orderId: number
  carrier: string
  trackingNo: string
  /** What was packed of lines sold by weight, in grams; a line left out ships as ordered. */
  packed?: { orderItemId: number; packedWeightG: number }[]
}

export function shipOrders(lines: readonly ShipLine[]): Promise<ShipResultDto> {
  return apiPost<ShipResultDto>('/api/v1/farmer/orders/ship', { orders: lines })
}

export function fetchPackingList(date?: string): Promise<PackingListDto> {
  return apiGet<PackingListDto>('/api/v1/farmer/packing-list', { date })
}

export function fetchFarmerHome(): Promise<FarmerHomeDto> {
  return apiGet<FarmerHomeDto>('/api/v1/farmer/home')
}
