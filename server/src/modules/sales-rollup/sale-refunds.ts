/**
 * Which refunds take money back from a sale: the succeeded ones of the sale kinds — the buyer's
 * cancel of a paid order, an after-sale claim, a weight adjustment (SALE_REFUND_KINDS in
 * @domain/payment-states). A return of a payment that was not a sale (late_payment: it reached
 * us after the order was cancelled; duplicate_payment: a second payment of an order already
 * paid) leaves the figures alone. Refunds made before the ledger got their kind in migration 0006.
 *
 * Use with the aliases `r` (refunds) and `o` (orders).
 */
import { sql } from 'drizzle-orm'

export const SALE_REFUND = sql.raw(`(r.status = 'succeeded' and r.kind in ('buyer_cancel', 'after_sale', 'weight_adjustment'))`)

/** Where the rollup files an order: the province of its delivery address, or 未知. */
export const PROVINCE = sql.raw(`coalesce(nullif(btrim(o.address->>'province'), ''), '未知')`)

/** weekly_buyer_counts spreads each week's count over this many rows (buyer id mod 8). */
export const BUYER_SHARDS = 8
