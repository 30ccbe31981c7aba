/** SQL for WeChat Pay payments and refunds (the tables payments owns). */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm'
import { payments, refunds, users } from '../../db/schema'
import type { Executor } from '../../db/client'

export type PaymentRow = typeof payments.$inferSelect
export type RefundRow = typeof refunds.$inferSelect

export async function paymentsOfCheckout(db: Executor, checkoutId: number): Promise<PaymentRow[]> {
  return db.select().from(payments).where(eq(payments.checkoutId, checkoutId)).orderBy(asc(payments.id))
}

export async function openPaymentOf(db: Executor, checkoutId: number): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(and(eq(payments.checkoutId, checkoutId), eq(payments.status, 'open')))
  return row ?? null
}

/** Payments that reached WeChat Pay and are not known to be paid: worth a query. */
export async function unsettledPaymentsOf(db: Executor, checkoutId: number): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.checkoutId, checkoutId), isNotNull(payments.prepayId), sql`${payments.status} <> 'paid'`))
    .orderBy(asc(payments.id))
}

export async function findPayment(db: Executor, where: { id: number } | { outTradeNo: string }): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where('id' in where ? eq(payments.id, where.id) : eq(payments.outTradeNo, where.outTradeNo))
  return row ?? null
}

export async function insertPayment(db: Executor, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [created] = await db.insert(payments).values(row).returning()
  return created
}

/** The prepay_id WeChat Pay issued and when we asked for it (its 2-hour life counts from then). */
export async function setPrepayId(db: Executor, id: number, prepayId: string, at: Date): Promise<void> {
  await db.update(payments).set({ prepayId, prepayAt: at }).where(eq(payments.id, id))
}

/** The buyer's WeChat openid (a read of auth's `users`), for the prepay. */
export async function openidOf(db: Executor, userId: number): Promise<string> {
  const [row] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, userId))
  return row.openid
}

export async function findRefund(db: Executor, where: { id: number } | { outRefundNo: string }, lock = false): Promise<RefundRow | null> {
  const query = db.select().from(refunds).where('id' in where ? eq(refunds.id, where.id) : eq(refunds.outRefundNo, where.outRefundNo))
  const [row] = lock ? await query.for('update') : await query
  return row ?? null
}
