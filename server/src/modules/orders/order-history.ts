/**
 * Orders that already happened, written with their whole timeline in one go: the demo store's
 * past weeks (seed/demo-sales.ts). Each is its own checkout with one order; its lines and
 * events are given, its status is where the timeline ends. Live orders never come this way.
 */
import { like } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { checkouts, orderEvents, orderItems, orders, type AddressSnapshot } from '../../db/schema'
import type { OrderItemRow } from './order-repository'

type EventRow = typeof orderEvents.$inferInsert

export interface PastOrder {
  /** The checkout's number; the order's is `<number>-1`. */
  checkoutNo: string
  buyerId: number
  farmerId: number
  itemsFen: number
  shippingFen: number
  address: AddressSnapshot
  placedAt: Date
  expiresAt: Date
  paidAt: Date
  shippedAt: Date | null
  receivedAt: Date | null
  refundedAt: Date | null
  lines: Omit<OrderItemRow, 'id' | 'orderId' | 'lineTotalFen' | 'packedWeightG'>[]
  /** The timeline, oldest first; the last event's status is the order's. */
  events: Omit<EventRow, 'orderId'>[]
}

export interface RecordedOrder {
  checkoutId: number
  id: number
  orderNo: string
  totalFen: number
}

export async function recordPastOrders(db: Executor, past: PastOrder[]): Promise<RecordedOrder[]> {
  if (past.length === 0) return []
  const totalOf = (p: PastOrder) => p.itemsFen + p.shippingFen
  const checkoutRows = await db
    .insert(checkouts)
    .values(past.map((p) => ({ checkoutNo: p.checkoutNo, buyerId: p.buyerId, idempotencyKey: p.checkoutNo, requestHash: p.checkoutNo, totalFen: totalOf(p), expiresAt: p.expiresAt, createdAt: p.placedAt })))
    .returning({ id: checkouts.id })
  const orderRows = await db
    .insert(orders)
    .values(
      past.map((p, i) => ({
        orderNo: `${p.checkoutNo}-1`,
        checkoutId: checkoutRows[i].id,
        buyerId: p.buyerId,
        farmerId: p.farmerId,
        status: p.events[p.events.length - 1].toStatus,
        itemsFen: p.itemsFen,
        shippingFen: p.shippingFen,
        totalFen: totalOf(p),
        address: p.address,
        expiresAt: p.expiresAt,
        paidAt: p.paidAt,
        shippedAt: p.shippedAt,
        receivedAt: p.receivedAt,
        refundedAt: p.refundedAt,
        createdAt: p.placedAt,
        updatedAt: p.events[p.events.length - 1].createdAt ?? p.placedAt,
      })),
    )
    .returning({ id: orders.id, orderNo: orders.orderNo, totalFen: orders.totalFen })
  await db.insert(orderItems).values(past.flatMap((p, i) => p.lines.map((l) => ({ ...l, orderId: orderRows[i].id, lineTotalFen: l.unitPriceFen * l.quantity }))))
  await db.insert(orderEvents).values(past.flatMap((p, i) => p.events.map((e) => ({ ...e, orderId: orderRows[i].id }))))
  return orderRows.map((o, i) => ({ checkoutId: checkoutRows[i].id, id: o.id, orderNo: o.orderNo, totalFen: o.totalFen }))
}

/** Whether past orders with this checkout-number prefix were written already. */
export async function hasPastOrders(db: Executor, checkoutNoPrefix: string): Promise<boolean> {
  const [row] = await db.select({ id: checkouts.id }).from(checkouts).where(like(checkouts.checkoutNo, `${checkoutNoPrefix}%`)).limit(1)
  return row !== undefined
}
