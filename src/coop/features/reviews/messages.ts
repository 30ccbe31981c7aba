/** The review queue's errors in plain Chinese. */
import { isApiError, userMessage } from '../../../lib/api-error'

/** The server hands out at most this many held listings at a time (review-service QUEUE_LIMIT). */
export const REVIEW_QUEUE_LIMIT = 50

const MESSAGES: Record<string, string> = {
  NOT_PENDING_REVIEW: '这个商品已经审核过了',
  NOT_FOUND: '商品不存在，可能已被农户删除',
}

export function reviewErrorMessage(err: unknown): string {
  if (isApiError(err) && MESSAGES[err.code]) return MESSAGES[err.code]
  return userMessage(err)
}

/** "3", or "50+" when the queue is fuller than one answer holds. */
export function queueCount(n: number): string {
  return n >= REVIEW_QUEUE_LIMIT ? `${REVIEW_QUEUE_LIMIT}+` : String(n)
}
