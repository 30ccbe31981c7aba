/**
 * SQL of the refund ledger (payments owns `refunds`). Reads of other modules' tables are the
 * documented ones: orders (id, order_no, farmer_id, total_fen) and farmers (id, name,
 * cooperative_id), and our own submit/query jobs in `jobs`.
 */
import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import { REFUND_HOLDS_AMOUNT, type RefundStatus } from '@domain/payment-states'
import { farmers, jobs, orders, refunds } from '../../db/schema'
import type { Executor } from '../../db/client'
import type { RefundRow } from './payment-repository'

/** Kinds that return a payment that was not a sale: they concern another payment than the one that paid the order. */
export const RETURN_KINDS = ['late_payment', 'duplicate_payment'] as const

export type NewRefund = typeof refunds.$inferInsert

/** Inserts a refund; null when a unique index (one cancel / weight adjustment / claim / return) already holds one. */
export async function insertRefund(db: Executor, row: NewRefund): Promise<RefundRow | null> {
  const [created] = await db.insert(refunds).values(row).onConflictDoNothing().returning()
  return created ?? null
}

/** The refund a one-per-order (or one-per-claim) unique index already holds for this request. */
export async function existingOneOf(
  db: Executor,
  where: { orderId: number; kind: RefundRow['kind']; claimId?: number | null; paymentId?: number },
): Promise<RefundRow | null> {
  const condition =
    where.claimId != null
      ? eq(refunds.claimId, where.claimId)
      : where.kind === 'buyer_cancel' || where.kind === 'weight_adjustment'
        ? and(eq(refunds.orderId, where.orderId), eq(refunds.kind, where.kind))
        : where.paymentId !== undefined && (RETURN_KINDS as readonly string[]).includes(where.kind)
          ? and(eq(refunds.paymentId, where.paymentId), eq(refunds.orderId, where.orderId), inArray(refunds.kind, [...RETURN_KINDS]))
          : undefined
  if (!condition) return null
  const [row] = await db.select().from(refunds).where(condition).limit(1)
  return row ?? null
}

/** What an order's sale refunds hold (processing, succeeded, abnormal), in fen. */
export async function heldFen(db: Executor, orderId: number): Promise<number> {
  const [row] = await db
    .select({ fen: sql<string | number | null>`coalesce(sum(${refunds.amountFen}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), inArray(refunds.status, [...REFUND_HOLDS_AMOUNT]), notInArray(refunds.kind, [...RETURN_KINDS])))
  return Number(row?.fen ?? 0)
}

/** How many refunds of this payment exist at WeChat Pay (a refused one never did). */
export async function refundCountOfPayment(db: Executor, paymentId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), sql`${refunds.status} <> 'failed'`))
  return Number(row?.n ?? 0)
}

/** How many refunds this order has (any kind, any status): numbers its next out_refund_no. */
export async function refundCountOfOrder(db: Executor, orderId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(refunds).where(eq(refunds.orderId, orderId))
  return Number(row?.n ?? 0)
}

/**
 * The latest moment a refund of this payment was sent or is scheduled to be sent (its pending
 * submit job's run_at), or null. Called with the payment locked, so it cannot move meanwhile.
 */
export async function latestSendOfPayment(db: Executor, paymentId: number): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<string | Date | null>`greatest(
        max(${refunds.submittedAt}),
        (select max(${jobs.runAt}) from ${jobs}
          where ${jobs.kind} = 'submit_refund' and ${jobs.doneAt} is null
            and (${jobs.payload}->>'refundId')::bigint in (select r2.id from refunds r2 where r2.payment_id = ${paymentId})))`,
    })
    .from(refunds)
    .where(eq(refunds.paymentId, paymentId))
  return row?.at ? new Date(row.at) : null
}

/** Every refund of these orders, oldest first. */
export async function refundsOfOrders(db: Executor, orderIds: number[]): Promise<RefundRow[]> {
  if (orderIds.length === 0) return []
  return db.select().from(refunds).where(inArray(refunds.orderId, orderIds)).orderBy(asc(refunds.id))
}

/** The order's total (a read of orders' documented `total_fen`). */
export async function orderTotalFen(db: Executor, orderId: number): Promise<number | null> {
  const [row] = await db.select({ totalFen: orders.totalFen }).from(orders).where(eq(orders.id, orderId))
  return row?.totalFen ?? null
}

export type RefundChange = Partial<
  Pick<RefundRow, 'status' | 'refundId' | 'submittedAt' | 'succeededAt' | 'settledAt' | 'failureReason' | 'resolvedAt' | 'resolvedBy' | 'resolvedNote'>
>

export async function changeRefund(db: Executor, id: number, set: RefundChange): Promise<RefundRow> {
  const [row] = await db.update(refunds).set(set).where(eq(refunds.id, id)).returning()
  return row
}

/** A refund with its order and farmer, as the cooperative's attention list shows it. */
export interface AttentionRow {
  refund: RefundRow
  orderNo: string
  farmerName: string
  cooperativeId: number
}

const attentionColumns = { refund: refunds, orderNo: orders.orderNo, farmerName: farmers.name, cooperativeId: farmers.cooperativeId }

/** Abnormal or failed refunds of the cooperative's farmers' orders not yet resolved, oldest first. */
export async function attentionOf(db: Executor, cooperativeId: number, statuses: readonly RefundStatus[]): Promise<AttentionRow[]> {
  return db
    .select(attentionColumns)
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .innerJoin(farmers, eq(farmers.id, orders.farmerId))
    .where(and(eq(farmers.cooperativeId, cooperativeId), inArray(refunds.status, [...statuses]), isNull(refunds.resolvedAt)))
    .orderBy(asc(refunds.id))
}

/** One refund with its order and farmer, locked (the refund row only). */
export async function attentionRowOf(db: Executor, refundId: number, lock = false): Promise<AttentionRow | null> {
  const query = db
    .select(attentionColumns)
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .innerJoin(farmers, eq(farmers.id, orders.farmerId))
    .where(eq(refunds.id, refundId))
  const [row] = lock ? await query.for('update', { of: refunds }) : await query
  return row ?? null
}

/** The order's latest refund (old clients' `refund`). */
export async function latestRefundRow(db: Executor, orderId: number): Promise<RefundRow | null> {
  const [row] = await db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(desc(refunds.id)).limit(1)
  return row ?? null
}
