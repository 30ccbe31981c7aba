/** The buyer's after-sale claims: the claim form (申请售后) and a claim's progress (售后进度). */

export { ClaimForm } from './claim-form'
export { ClaimDetailView } from './claim-detail-view'
export { useClaim } from './use-claim'
export { fetchClaim, fetchOrder, fetchOrderClaims } from './api'
export { claimableItems } from './use-claim-form'
