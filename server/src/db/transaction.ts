/**
 * The one transaction helper. PostgreSQL may abort a transaction that did nothing wrong — a
 * deadlock victim (40P01) or a serialization failure (40001) — and then the right answer is to
 * run it again. `inTransaction` does, a bounded number of times with a short random pause, so
 * such an abort never reaches a buyer or WeChat Pay as a 500. The work must be safe to repeat:
 * it only touches the database (WeChat is called from durable jobs, not inside transactions).
 * PGlite runs one transaction at a time and never aborts these; the code path is the same.
 */
import type { Db, Tx } from './client'
import { DEADLOCK_DETECTED, SERIALIZATION_FAILURE, pgErrorCode } from './pg-errors'

const RETRYABLE = new Set([DEADLOCK_DETECTED, SERIALIZATION_FAILURE])
/** Runs in all, the first included. */
export const TRANSACTION_ATTEMPTS = 5

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt))

export function isRetryableAbort(err: unknown): boolean {
  const code = pgErrorCode(err)
  return code !== undefined && RETRYABLE.has(code)
}

export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = TRANSACTION_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work)
    } catch (err) {
      if (attempt >= attempts || !isRetryableAbort(err)) throw err
      await pause(attempt)
    }
  }
}
