/** 售后 on the farmer's phone (farmer subpackage only): the queue of claims on my orders and my answer. */
export { ClaimCard } from './claim-card'
export { useClaimQueue, type ClaimQueue } from './use-claim-queue'
export { useOpenClaimCount } from './use-open-claim-count'
export { claimErrorText } from './labels'

export const claimsRoute = '/farmer/pages/claims/index'
