/**
 * What other modules may ask of payments inside their own transaction: refund an order that
 * was paid, or close the WeChat Pay orders still open for a checkout. Both only write rows
 * and enqueue durable jobs; the WeChat calls happen in those jobs.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import { payments, refunds } from '../../db/schema'
import { enqueue } from '../../jobs/job-queue'
import type { Executor } from '../../db/client'
import { outRefundNo } from '../orders/order-numbers'

export const SUBMIT_REFUND_JOB = 'submit_refund'
export const CLOSE_PAYMENT_JOB = 'close_payment'

export interface RefundableOrder {
  id: number
  orderNo: string
  totalFen: number
}

/**
 * The payment that paid for this order. When two payments covered it (one paid while the buyer
 * had already paid another), the one that reached us second was refunded for this order at
 * once: it is skipped, and of the rest the first paid wins.
 */
export async function paidPaymentOf(db: Executor, orderId: number) {
  const [row] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.status, 'paid'),
        sql`${orderId} = any(${payments.orderIds})`,
        sql`not exists (select 1 from ${refunds} where ${refunds.paymentId} = ${payments.id} and ${refunds.orderId} = ${orderId})`,
      ),
    )
    .orderBy(asc(payments.paidAt), asc(payments.id))
    .limit(1)
  return row ?? null
}

/** Records a full refund of one order from a payment and schedules its submission to WeChat Pay. */
export async function requestRefund(db: Executor, order: RefundableOrder, paymentId: number, reason: string, at: Date): Promise<void> {
  const [refund] = await db
    .insert(refunds)
    .values({ outRefundNo: outRefundNo(order.orderNo, paymentId), paymentId, orderId: order.id, amountFen: order.totalFen, reason, createdAt: at })
    .onConflictDoNothing({ target: [refunds.paymentId, refunds.orderId] })
    .returning()
  if (refund) await enqueue(db, { kind: SUBMIT_REFUND_JOB, dedupeKey: `refund:${refund.id}`, payload: { refundId: refund.id }, runAt: at })
}

/** Marks every open payment of a checkout closed and schedules closing it at WeChat Pay. */
export async function closeOpenPayments(db: Executor, checkoutId: number, at: Date): Promise<void> {
  const closed = await db
    .update(payments)
    .set({ status: 'closed' })
    .where(and(eq(payments.checkoutId, checkoutId), eq(payments.status, 'open')))
    .returning({ id: payments.id })
  for (const p of closed) await enqueue(db, { kind: CLOSE_PAYMENT_JOB, dedupeKey: `close:payment:${p.id}`, payload: { paymentId: p.id }, runAt: at })
}
