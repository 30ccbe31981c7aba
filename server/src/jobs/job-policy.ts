/**
 * How many times a durable job of each kind is tried before it ends failed: done_at and
 * failed_at set, last_error kept, never run again, listed for the order's cooperative manager when it is about one order (modules/job-failures).
 * The kinds are those the modules add to ctx.jobHandlers (a test checks each one is listed here);
 * a kind not listed gets DEFAULT_MAX_ATTEMPTS. With the backoff (5 s, doubling, at most an hour
 * between tries) 12 attempts span about 2½ hours, 24 about 14½ hours, 60 about two days (the
 * shipped message gives up by itself at 48 hours, around its 58th attempt).
 */
export const DEFAULT_MAX_ATTEMPTS = 12

export const MAX_ATTEMPTS: Readonly<Record<string, number>> = {
  // WeChat calls: still failing after hours of retries (an errcode that never clears, an outage)
  // is for the manager to look at, not to retry for ever.
  upload_shipping_info: 12,
  submit_refund: 12,
  query_refund: 12,
  close_payment: 12,
  // Gives up by itself after two days (shipped-message-job.ts GIVE_UP_MS): let it get there.
  send_shipped_message: 60,
  // Our own database work (the expiry's last-minute WeChat query aside): failing means a bug or
  // an outage of the store; keep at it for most of a day.
  expire_checkout: 24,
  auto_confirm_receipt: 24,
  escalate_claim: 24,
  // Hourly; the next hour's run is enqueued first, so a run that gives up loses nothing.
  media_cleanup: 12,
}

export function maxAttemptsOf(kind: string): number {
  return MAX_ATTEMPTS[kind] ?? DEFAULT_MAX_ATTEMPTS
}
