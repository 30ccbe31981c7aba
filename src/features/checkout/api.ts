/** Addresses, the checkout preview, placing orders, and a checkout's state. */
import type {
  AddressDto,
  AddressInputDto,
  CheckoutDto,
  CheckoutPreviewDto,
} from '@contracts/orders'
import type { CheckoutItem } from '../../lib/navigation'
import { apiDelete, apiGet, apiPost } from '../../lib/request'

export async function fetchAddresses(): Promise<AddressDto[]> {
  return (await apiGet<{ items: AddressDto[] }>('/api/v1/addresses')).items
}

export function createAddress(input: AddressInputDto): Promise<AddressDto> {
  return apiPost<AddressDto>('/api/v1/addresses', input)
}

export function deleteAddress(id: number): Promise<void> {
  return apiDelete(`/api/v1/addresses/${id}`)
}

/** The server's prices; with an address, each farmer's fee for its province (and what cannot go there). */
export function previewCheckout(items: readonly CheckoutItem[], addressId: number | null): Promise<CheckoutPreviewDto> {
  return apiPost<CheckoutPreviewDto>('/api/v1/checkout/preview', addressId === null ? { items } : { items, addressId })
}

export interface PlaceOrderInput {
  items: readonly CheckoutItem[]
  addressId: number
  note: string
}

/** Places one checkout (an order per farmer). A retry with the same key returns the same checkout. */
export function placeOrder(input: PlaceOrderInput, idempotencyKey: string): Promise<CheckoutDto> {
  const body: { items: readonly CheckoutItem[]; addressId: number; note?: string } = { items: input.items, addressId: input.addressId }
  if (input.note) body.note = input.note
  return apiPost<CheckoutDto>('/api/v1/orders', body, { headers: { 'Idempotency-Key': idempotencyKey } })
}

export function fetchCheckout(id: number): Promise<CheckoutDto> {
  return apiGet<CheckoutDto>(`/api/v1/checkouts/${id}`)
}

/** Asks the server to ask WeChat Pay, for when its notification has not arrived yet. */
export function syncCheckout(id: number): Promise<CheckoutDto> {
  return apiPost<CheckoutDto>(`/api/v1/checkouts/${id}/sync`)
}
