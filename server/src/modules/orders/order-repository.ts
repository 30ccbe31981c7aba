/** SQL for checkouts, orders, their items and events (the tables orders owns). */
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import {
  addresses,
  checkouts,
  farmers,
  orderEvents,
  orderItems,
  orders,
  products,
  productSpecs,
  type AddressSnapshot,
} from '../../db/schema'
import { enqueueStatement, type NewJob } from '../../jobs/job-queue'
import { optionalPhoto } from '../media'
import type { StockLine } from '../stock'
import type { SpecForSale } from './pricing'
import type { OrderStatus } from '@domain/order-states'

export type OrderRow = typeof orders.$inferSelect
export type OrderItemRow = typeof orderItems.$inferSelect
export type CheckoutRow = typeof checkouts.$inferSelect

/** The specs of a cart with everything needed to price them; `lock` takes row locks in id order. */
export async function specsForSale(db: Executor, specIds: number[], lock = false): Promise<Map<number, SpecForSale>> {
  if (specIds.length === 0) return new Map()
  const query = db
    .select({
      specId: productSpecs.id,
      productId: products.id,
      title: products.title,
      specName: productSpecs.name,
      unit: productSpecs.unit,
      netWeightG: productSpecs.netWeightG,
      parcelWeightG: productSpecs.parcelWeightG,
      priceFen: productSpecs.priceFen,
      stock: productSpecs.stock,
      productStatus: products.status,
      photos: products.photos,
      farmerActive: farmers.active,
      farmer: { id: farmers.id, name: farmers.name, village: farmers.village },
    })
    .from(productSpecs)
    .innerJoin(products, eq(products.id, productSpecs.productId))
    .innerJoin(farmers, eq(farmers.id, products.farmerId))
    .where(inArray(productSpecs.id, specIds))
    .orderBy(asc(productSpecs.id))
  const rows = lock ? await query.for('update', { of: productSpecs }) : await query
  return new Map(
    rows.map(({ photos, ...r }) => [r.specId, { ...r, cover: optionalPhoto(photos[0]) }]),
  )
}

/** One of the buyer's own addresses (a read of addresses' table), or null: someone else's too. */
export async function buyerAddress(db: Executor, buyerId: number, addressId: number) {
  const [row] = await db.select().from(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, buyerId)))
  return row ?? null
}

/** The stock these orders hold, per spec in id order: what goes back when they are cancelled. */
export async function heldStock(db: Executor, orderIds: number[]): Promise<StockLine[]> {
  if (orderIds.length === 0) return []
  const rows = await db
    .select({ specId: orderItems.specId, quantity: sql<number>`sum(${orderItems.quantity})::int` })
    .from(orderItems)
    .where(inArray(orderItems.orderId, orderIds))
    .groupBy(orderItems.specId)
    .orderBy(asc(orderItems.specId))
  return rows.map((r) => ({ specId: Number(r.specId), quantity: Number(r.quantity) }))
}

/** Locks a checkout row: the first lock of every money change of its orders (lock-order.ts). */
export async function lockCheckout(db: Executor, id: number): Promise<CheckoutRow | null> {
  const [row] = await db.select().from(checkouts).where(eq(checkouts.id, id)).for('update')
  return row ?? null
}

/**
 * Placement's two checks in one round trip: an earlier checkout of this buyer with this
 * Idempotency-Key, and the buyer's address (a read of addresses' table, copied into the order).
 */
export async function earlierCheckoutAndAddress(db: Executor, buyerId: number, key: string, addressId: number) {
  const [row] = await db
    .select({ earlier: checkouts, address: addresses })
    .from(sql`(select 1) as one`)
    .leftJoin(checkouts, and(eq(checkouts.buyerId, buyerId), eq(checkouts.idempotencyKey, key)))
    .leftJoin(addresses, and(eq(addresses.id, addressId), eq(addresses.userId, buyerId)))
  return row
}

/** A new checkout, or null when this buyer's Idempotency-Key was taken meanwhile (a concurrent same-key placement). */
export async function insertCheckout(db: Executor, values: Omit<typeof checkouts.$inferInsert, 'id'>): Promise<CheckoutRow | null> {
  const [created] = await db.insert(checkouts).values(values).onConflictDoNothing({ target: [checkouts.buyerId, checkouts.idempotencyKey] }).returning()
  return created ?? null
}

export async function findCheckoutByKey(db: Executor, buyerId: number, key: string): Promise<CheckoutRow | null> {
  const [row] = await db.select().from(checkouts).where(and(eq(checkouts.buyerId, buyerId), eq(checkouts.idempotencyKey, key)))
  return row ?? null
}

/** The buyer's own checkout, or null (someone else's too). */
export async function findCheckout(db: Executor, id: number, buyerId: number): Promise<CheckoutRow | null> {
  const [row] = await db.select().from(checkouts).where(and(eq(checkouts.id, id), eq(checkouts.buyerId, buyerId)))
  return row ?? null
}

export async function ordersOfCheckout(db: Executor, checkoutId: number, lock = false): Promise<OrderRow[]> {
  const query = db.select().from(orders).where(eq(orders.checkoutId, checkoutId)).orderBy(asc(orders.id))
  return lock ? query.for('update') : query
}

export async function ordersByIds(db: Executor, ids: number[], lock = false): Promise<OrderRow[]> {
  if (ids.length === 0) return []
  const query = db.select().from(orders).where(inArray(orders.id, ids)).orderBy(asc(orders.id))
  return lock ? query.for('update') : query
}

export async function findOrder(db: Executor, id: number, lock = false): Promise<OrderRow | null> {
  const query = db.select().from(orders).where(eq(orders.id, id))
  const [row] = lock ? await query.for('update') : await query
  return row ?? null
}

export async function listBuyerOrders(db: Executor, buyerId: number, status: OrderStatus | undefined, beforeId: number | undefined, limit: number) {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.buyerId, buyerId), status ? eq(orders.status, status) : undefined, beforeId ? lt(orders.id, beforeId) : undefined))
    .orderBy(desc(orders.id))
    .limit(limit)
}

export async function itemsOf(db: Executor, orderIds: number[]): Promise<OrderItemRow[]> {
  if (orderIds.length === 0) return []
  return db.select().from(orderItems).where(inArray(orderItems.orderId, orderIds)).orderBy(asc(orderItems.id))
}

export async function farmersByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return new Map<number, { id: number; name: string; village: string }>()
  const rows = await db.select({ id: farmers.id, name: farmers.name, village: farmers.village }).from(farmers).where(inArray(farmers.id, ids))
  return new Map(rows.map((r) => [r.id, r]))
}

export async function eventsOf(db: Executor, orderId: number) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id))
}

export interface NewOrder {
  orderNo: string
  checkoutId: number
  buyerId: number
  farmerId: number
  itemsFen: number
  shippingFen: number
  totalFen: number
  address: AddressSnapshot
  note: string
  expiresAt: Date
}

export async function insertOrders(db: Executor, rows: NewOrder[]): Promise<OrderRow[]> {
  return db.insert(orders).values(rows).returning()
}

/**
 * Writes the lines of new orders, their first events and one job in ONE statement (the events
 * and the job as data-modifying CTEs, which PostgreSQL runs whether or not they are read);
 * returns the lines with their ids.
 */
export async function insertItemsWithEvents(
  db: Executor,
  items: Omit<OrderItemRow, 'id' | 'packedWeightG'>[],
  events: (typeof orderEvents.$inferInsert)[],
  job: NewJob,
): Promise<OrderItemRow[]> {
  const result = await db.execute(sql`
    with e as (${db.insert(orderEvents).values(events).getSQL()}),
      j as (${enqueueStatement(db, job).getSQL()})
    ${db.insert(orderItems).values(items).returning({ id: orderItems.id, orderId: orderItems.orderId, specId: orderItems.specId }).getSQL()}`)
  const idOf = new Map(
    (result as unknown as { rows: { id: string | number; order_id: string | number; spec_id: string | number }[] }).rows.map((r) => [
      `${Number(r.order_id)}:${Number(r.spec_id)}`,
      Number(r.id),
    ]),
  )
  return items.map((i) => ({ ...i, packedWeightG: null, id: idOf.get(`${i.orderId}:${i.specId}`)! }))
}


export interface PackedWeightInput {
  orderItemId: number
  packedWeightG: number
}

/**
 * Stores what the farmer packed for lines of one order (catch-weight), in one statement; lines
 * of other orders are never touched. Returns the lines it updated.
 */
export async function setPackedWeights(db: Executor, orderId: number, packed: readonly PackedWeightInput[]): Promise<OrderItemRow[]> {
  if (packed.length === 0) return []
  const weight = sql`case ${orderItems.id} ${sql.join(
    packed.map((p) => sql`when ${p.orderItemId}::bigint then ${p.packedWeightG}::integer`),
    sql` `,
  )} end`
  return db
    .update(orderItems)
    .set({ packedWeightG: weight })
    .where(and(eq(orderItems.orderId, orderId), inArray(orderItems.id, packed.map((p) => p.orderItemId))))
    .returning()
}
