export { reviewsApi } from './api'
export { ReviewCard, type ReviewActions } from './review-card'
export { queueCount, reviewErrorMessage, REVIEW_QUEUE_LIMIT } from './messages'
export { useReviewCount } from './use-review-count'
