/** SQL for a farmer's own orders: the queue by status (keyset pages), orders by id, WeChat sync state. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { orders, shippingUploads } from '../../db/schema'
import type { Executor } from '../../db/client'
import type { OrderRow } from '../orders'
import { FARMER_ORDER_STATUSES } from '@domain/order-states'

export type FarmerStatus = (typeof FARMER_ORDER_STATUSES)[number]

/** Where each list is sorted: the queue to ship oldest paid first, the others newest first. */
const ORDERING: Record<FarmerStatus, { column: PgColumn; direction: 'asc' | 'desc' }> = {
  paid: { column: orders.paidAt, direction: 'asc' },
  shipped: { column: orders.shippedAt, direction: 'desc' },
  received: { column: orders.receivedAt, direction: 'desc' },
  refunded: { column: orders.refundedAt, direction: 'desc' },
}

export interface Keyset {
  at: string
  id: number
}

export function keysetOf(status: FarmerStatus, row: OrderRow): Keyset {
  const value = { paid: row.paidAt, shipped: row.shippedAt, received: row.receivedAt, refunded: row.refundedAt }[status]
  return { at: (value ?? row.createdAt).toISOString(), id: row.id }
}

export async function listFarmerOrders(db: Executor, farmerId: number, status: FarmerStatus, after: Keyset | null, limit: number): Promise<OrderRow[]> {
  const { column, direction } = ORDERING[status]
  let page: SQL | undefined
  if (after) {
    page =
      direction === 'asc'
        ? sql`(${column}, ${orders.id}) > (${after.at}::timestamptz, ${after.id})`
        : sql`(${column}, ${orders.id}) < (${after.at}::timestamptz, ${after.id})`
  }
  const by = direction === 'asc' ? asc : desc
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.farmerId, farmerId), eq(orders.status, status), page))
    .orderBy(by(column), by(orders.id))
    .limit(limit)
}

/** This farmer's orders among `ids` that a farmer may see (paid or later), in the order asked. */
export async function farmerOrdersByIds(db: Executor, farmerId: number, ids: number[]): Promise<OrderRow[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.farmerId, farmerId), inArray(orders.id, ids), inArray(orders.status, [...FARMER_ORDER_STATUSES])))
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id)).filter((r): r is OrderRow => r !== undefined)
}

export async function syncStates(db: Executor, orderIds: number[]): Promise<Map<number, 'pending' | 'uploaded' | 'failed'>> {
  if (orderIds.length === 0) return new Map()
  const rows = await db
    .select({ orderId: shippingUploads.orderId, status: shippingUploads.status })
    .from(shippingUploads)
    .where(inArray(shippingUploads.orderId, orderIds))
  return new Map(rows.map((r) => [r.orderId, r.status]))
}
