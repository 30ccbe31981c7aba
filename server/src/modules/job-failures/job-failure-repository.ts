/**
 * Failed jobs of one cooperative, read from `jobs` (written only by server/src/jobs/job-queue.ts)
 * joined to the order each concerns: its payload's orderId, or the order of the refund
 * (payments.refunds.order_id) or claim (after-sales claims.order_id) it names; jobs about no
 * single order (a checkout's expiry, a payment's close) belong to no cooperative's list.
 */
import { and, desc, eq, isNotNull, lt, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { claims, farmers, jobs, orders, refunds } from '../../db/schema'

export interface FailedJobRow {
  id: number
  kind: string
  attempts: number
  lastError: string | null
  createdAt: Date
  failedAt: Date
  orderId: number
  orderNo: string
}

/** payload->>key as a bigint, or null when it is not a plain id (nothing our code writes). */
const payloadId = (key: string) => sql`case when ${jobs.payload}->>${key} ~ '^[1-9][0-9]{0,17}$' then (${jobs.payload}->>${key})::bigint end`

const orderOfJob = sql`coalesce(
  ${payloadId('orderId')},
  (select ${refunds.orderId} from ${refunds} where ${refunds.id} = ${payloadId('refundId')}),
  (select ${claims.orderId} from ${claims} where ${claims.id} = ${payloadId('claimId')})
)`

/** Newest first (by job id); `beforeId` is the last id of the page before. */
export async function failedJobsOf(db: Executor, cooperativeId: number, beforeId: number | undefined, limit: number): Promise<FailedJobRow[]> {
  const rows = await db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      failedAt: jobs.failedAt,
      orderId: orders.id,
      orderNo: orders.orderNo,
    })
    .from(jobs)
    .innerJoin(orders, eq(orders.id, orderOfJob))
    .innerJoin(farmers, eq(farmers.id, orders.farmerId))
    .where(and(isNotNull(jobs.failedAt), eq(farmers.cooperativeId, cooperativeId), beforeId === undefined ? undefined : lt(jobs.id, beforeId)))
    .orderBy(desc(jobs.id))
    .limit(limit)
  return rows.map((r) => ({ ...r, failedAt: r.failedAt! }))
}
