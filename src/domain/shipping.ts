/** Shipping fees: each farmer's flat fee per order, free once the order's items reach a threshold. */
export interface ShippingRule {
  feeFen: number
  /** Items total (fen) from which shipping is free; null = never free. */
  freeFromFen: number | null
}

export function shippingFee(itemsFen: number, rule: ShippingRule): number {
  if (rule.freeFromFen !== null && itemsFen >= rule.freeFromFen) return 0
  return rule.feeFen
}
