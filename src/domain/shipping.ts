/** Shipping fees: each farmer's flat fee per order, free once the order's items reach a threshold. */

/** Where the upload of an order's shipping info to WeChat stands. */
export const SHIPPING_SYNC_STATUSES = ['pending', 'uploaded', 'failed'] as const
export type ShippingSyncStatus = (typeof SHIPPING_SYNC_STATUSES)[number]
export interface ShippingRule {
  feeFen: number
  /** Items total (fen) from which shipping is free; null = never free. */
  freeFromFen: number | null
}

export function shippingFee(itemsFen: number, rule: ShippingRule): number {
  if (rule.freeFromFen !== null && itemsFen >= rule.freeFromFen) return 0
  return rule.feeFen
}
