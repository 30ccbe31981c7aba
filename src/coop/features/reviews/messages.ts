/** The review queue's errors in plain Chinese. */
import { userMessage, type MessageOverrides } from '../../../lib/api-error'

/** The server hands out at most this many held listings at a time (review-service QUEUE_LIMIT). */
export const REVIEW_QUEUE_LIMIT = 50

/** This screen's wording where the catalogue's generic text would be vague. */
const OVERRIDES: MessageOverrides = {
  NOT_FOUND: '商品不存在，可能已被农户删除',
}

export function reviewErrorMessage(err: unknown): string {
  return userMessage(err, OVERRIDES)
}

/** "3", or "50+" when the queue is fuller than one answer holds. */
export function queueCount(n: number): string {
  return n >= REVIEW_QUEUE_LIMIT ? `${REVIEW_QUEUE_LIMIT}+` : String(n)
}
