/**
 * Which refunds take money back from a sale. An order's sale refund is the one made when the
 * paid order was cancelled (order-lifecycle `cancelByBuyer`): it is stamped with the same
 * instant as the order's `refunded_at`. Other refunds of the same order — a second payment for
 * an order already paid, or one arriving after it was cancelled — return money that never
 * counted as a sale, and leave the figures alone. Orders never paid have no sale to refund.
 *
 * Use with the aliases `r` (refunds) and `o` (orders).
 */
import { sql } from 'drizzle-orm'

export const SALE_REFUND = sql.raw(`(r.status = 'succeeded' and o.paid_at is not null and o.refunded_at is not null and r.created_at = o.refunded_at)`)

/** Where the rollup files an order: the province of its delivery address, or 未知. */
export const PROVINCE = sql.raw(`coalesce(nullif(btrim(o.address->>'province'), ''), '未知')`)

/** weekly_buyer_counts spreads each week's count over this many rows (buyer id mod 8). */
export const BUYER_SHARDS = 8
