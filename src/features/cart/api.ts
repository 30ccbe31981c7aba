/** The cart's one API call: the server prices the lines (POST /api/v1/checkout/preview). */
import type { CheckoutPreviewDto, PreviewLineDto } from '@contracts/orders'
import type { CheckoutItem } from '../../lib/navigation'
import { apiPost } from '../../lib/request'

export function previewCart(items: readonly CheckoutItem[]): Promise<CheckoutPreviewDto> {
  return apiPost<CheckoutPreviewDto>('/api/v1/checkout/preview', { items })
}

/** Every previewed line by spec id. */
export function linesBySpec(preview: CheckoutPreviewDto | null): Map<number, PreviewLineDto> {
  const map = new Map<number, PreviewLineDto>()
  for (const g of preview?.groups ?? []) for (const l of g.lines) map.set(l.specId, l)
  return map
}
