/** 售后与退款 (coop subpackage only): claims waiting for the cooperative's decision, refunds that need a person. */
export { EscalatedClaimCard } from './escalated-claim-card'
export { RefundAttentionCard } from './refund-attention-card'
export { useAfterSales } from './use-after-sales'
export { useAfterSalesCount } from './use-after-sales-count'

export const afterSalesRoute = '/coop/pages/after-sales/index'
