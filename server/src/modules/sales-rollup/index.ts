/**
 * The sales rollup: the cooperative's sales figures kept per China day and ISO week, inside the
 * payment's and the refund's own transactions, and rebuilt from orders and refunds on demand.
 *
 * Owns (the only writer of) sales_daily, sales_weekly_specs, sales_weekly_provinces,
 * weekly_buyers and weekly_buyer_counts. Other modules may read every column of them (the reports
 * do); their meaning is in server/src/db/schema and the notes of record-sales.ts / record-refund.ts.
 * Writers take rows in one lock order (see `after` in sql-rows.ts).
 *
 * Depends on no other module: it sits at the bottom of the cooperative side
 * (sales-rollup ← members ← settlements ← coop-reports).
 */
export { recordSales, type PaidOrder } from './record-sales'
export { recordRefund, serialiseOrderRefunds } from './record-refund'
export { rebuildRollup } from './rebuild-rollup'
export { SALE_REFUND } from './sale-refunds'
export { farmerWeeks, inWeeks, sumsOf, SUMS, type RawSums, type Sums } from './rollup-sums'
