/**
 * The payment and refund rows, changed inside a caller's transaction (the caller has taken the
 * locks in the money path's order: checkout → orders → payment). These only write rows and
 * enqueue durable jobs; the WeChat Pay calls happen in those jobs.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import { payments, refunds } from '../../db/schema'
import { enqueue } from '../../jobs/job-queue'
import type { Executor } from '../../db/client'
import { outTradeNo } from './payment-numbers'
import { insertPayment, openidOf, openPaymentOf, paymentsOfCheckout, type PaymentRow } from './payment-repository'

export const SUBMIT_REFUND_JOB = 'submit_refund'
export const QUERY_REFUND_JOB = 'query_refund'
export const CLOSE_PAYMENT_JOB = 'close_payment'

/** What a checkout asks to be paid: its orders still awaiting payment. */
export interface PaymentRequest {
  checkoutId: number
  checkoutNo: string
  buyerId: number
  orderIds: number[]
  amountFen: number
  expiresAt: Date
}

/**
 * The open payment for exactly these orders and this amount, or a new one (the previous open
 * one, for other orders, is closed). Called with the checkout locked.
 */
export async function paymentFor(db: Executor, request: PaymentRequest, at: Date): Promise<PaymentRow> {
  const open = await openPaymentOf(db, request.checkoutId)
  if (open && open.amountFen === request.amountFen && open.orderIds.join() === request.orderIds.join()) return open
  if (open) await closeOpenPayments(db, request.checkoutId, at)
  const attempt = (await paymentsOfCheckout(db, request.checkoutId)).length + 1
  return insertPayment(db, {
    outTradeNo: outTradeNo(request.checkoutNo, attempt),
    checkoutId: request.checkoutId,
    orderIds: request.orderIds,
    amountFen: request.amountFen,
    payerOpenid: await openidOf(db, request.buyerId),
    expiresAt: request.expiresAt,
    createdAt: at,
  })
}

/** Locks a payment row (after its checkout and orders); null when there is none. */
export async function lockPayment(db: Executor, id: number): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id)).for('update')
  return row ?? null
}

export async function markPaymentPaid(db: Executor, id: number, transactionId: string | null, paidAt: Date): Promise<void> {
  await db.update(payments).set({ status: 'paid', transactionId, paidAt }).where(eq(payments.id, id))
}

/**
 * The payment that paid for this order. When two payments covered it (one paid while the buyer
 * had already paid another, or one that reached us after the order was cancelled), the other
 * was given back for this order at once (a late_payment / duplicate_payment return): it is
 * skipped, and of the rest the first paid wins. Sale refunds of the order do not skip it.
 */
export async function paidPaymentOf(db: Executor, orderId: number): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.status, 'paid'),
        sql`${orderId} = any(${payments.orderIds})`,
        sql`not exists (select 1 from ${refunds} where ${refunds.paymentId} = ${payments.id} and ${refunds.orderId} = ${orderId}
              and ${refunds.kind} in ('late_payment', 'duplicate_payment'))`,
      ),
    )
    .orderBy(asc(payments.paidAt), asc(payments.id))
    .limit(1)
  return row ?? null
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
