/**
 * What WeChat's order shipping management must be told about one payment (one WeChat Pay
 * transaction): the parcels of its orders shipped so far, and whether all are on their way.
 * A checkout pays one order per farmer in one transaction, so each farmer's parcel is one entry of
 * a split delivery (delivery_mode 2) and the last farmer to ship completes it.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { orders, payments, refunds, shippingUploads } from '../../db/schema'
import type { Executor } from '../../db/client'
import { itemsOf, type OrderRow } from '../orders'

export type UploadRow = typeof shippingUploads.$inferSelect
export type PaymentRow = typeof payments.$inferSelect

/** The order shipped: WeChat is to be told (the upload job picks it up). */
export async function createPendingUpload(db: Executor, orderId: number, at: Date): Promise<void> {
  await db.insert(shippingUploads).values({ orderId, status: 'pending', createdAt: at }).onConflictDoNothing()
}

export async function uploadRow(db: Executor, orderId: number): Promise<UploadRow | null> {
  const [row] = await db.select().from(shippingUploads).where(eq(shippingUploads.orderId, orderId))
  return row ?? null
}

export interface PaymentShipping {
  /** Orders this payment paid and that still go out (paid, shipped or received), by id. */
  members: OrderRow[]
  /** Of those, the ones shipped, by shipping time: one parcel each. */
  shipped: OrderRow[]
  items: Awaited<ReturnType<typeof itemsOf>>
}

export async function paymentShipping(db: Executor, payment: PaymentRow): Promise<PaymentShipping> {
  const rows = await db
    .select()
    .from(orders)
    .where(
      and(
        inArray(orders.id, payment.orderIds),
        inArray(orders.status, ['paid', 'shipped', 'received']),
        sql`not exists (select 1 from ${refunds} r where r.payment_id = ${payment.id} and r.order_id = ${orders.id})`,
      ),
    )
    .orderBy(asc(orders.id))
  const shipped = rows
    .filter((o) => o.status !== 'paid' && o.carrier && o.trackingNo)
    .sort((a, b) => (a.shippedAt?.getTime() ?? 0) - (b.shippedAt?.getTime() ?? 0) || a.id - b.id)
  return { members: rows, shipped, items: await itemsOf(db, shipped.map((o) => o.id)) }
}

export async function countAttempt(db: Executor, orderId: number): Promise<void> {
  await db.update(shippingUploads).set({ attempts: sql`${shippingUploads.attempts} + 1` }).where(eq(shippingUploads.orderId, orderId))
}

export async function noteErrcode(db: Executor, orderId: number, errcode: number): Promise<void> {
  await db.update(shippingUploads).set({ lastErrcode: errcode }).where(eq(shippingUploads.orderId, orderId))
}

export async function markFailed(db: Executor, orderId: number, errcode: number | null): Promise<void> {
  await db
    .update(shippingUploads)
    .set({ status: 'failed', lastErrcode: errcode })
    .where(and(eq(shippingUploads.orderId, orderId), eq(shippingUploads.status, 'pending')))
}

/** WeChat has these orders' parcels: every pending upload among them is done. */
export async function markUploaded(db: Executor, orderIds: number[], errcode: number, at: Date): Promise<void> {
  if (orderIds.length === 0) return
  await db
    .update(shippingUploads)
    .set({ status: 'uploaded', lastErrcode: errcode, uploadedAt: at })
    .where(and(inArray(shippingUploads.orderId, orderIds), eq(shippingUploads.status, 'pending')))
}
