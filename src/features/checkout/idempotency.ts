/** The checkout's Idempotency-Key per attempt: the one in src/lib, shared with the after-sale claim form. */
export { newIdempotencyKey, useIdempotencyKey } from '../../lib/idempotency'
