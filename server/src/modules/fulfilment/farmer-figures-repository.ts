/** SQL for the farmer's packing list and home figures (their own orders and products only). */
import { and, asc, count, eq, gte, inArray, isNotNull, lt, lte, ne, sql } from 'drizzle-orm'
import { orderItems, orders, products, productSpecs, refunds } from '../../db/schema'
import type { Executor } from '../../db/client'

/**
 * Paid, unshipped orders due by `day`: paid before the end of that day (China), and holding no
 * pre-sale product that only ships after it.
 */
function dueToShip(farmerId: number, day: string, dayEnd: Date) {
  return and(
    eq(orders.farmerId, farmerId),
    eq(orders.status, 'paid'),
    lt(orders.paidAt, dayEnd),
    sql`not exists (select 1 from ${orderItems} x join ${products} p on p.id = x.product_id
                    where x.order_id = ${orders.id} and p.ships_from > ${day}::date)`,
  )
}

export async function packingLines(db: Executor, farmerId: number, day: string, dayEnd: Date) {
  return db
    .select({
      specId: orderItems.specId,
      productId: sql<number>`max(${orderItems.productId})`.mapWith(Number),
      title: sql<string>`max(${orderItems.title})`,
      specName: sql<string>`max(${orderItems.specName})`,
      unit: orderItems.unit,
      quantity: sql<number>`sum(${orderItems.quantity})`.mapWith(Number),
      orders: sql<number>`count(distinct ${orders.id})`.mapWith(Number),
      grams: sql<number>`sum(${orderItems.quantity}::bigint * ${orderItems.netWeightG})`.mapWith(Number),
    })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(dueToShip(farmerId, day, dayEnd))
    .groupBy(orderItems.specId, orderItems.unit)
    .orderBy(sql`max(${orderItems.title})`, asc(orderItems.specId))
}

export async function packingOrderCount(db: Executor, farmerId: number, day: string, dayEnd: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(orders).where(dueToShip(farmerId, day, dayEnd))
  return row.n
}

/** Orders paid in [start, end), not refunded since: how many, and their quantities by unit. */
export async function weekSales(db: Executor, farmerId: number, start: Date, end: Date) {
  const paidInWeek = and(eq(orders.farmerId, farmerId), gte(orders.paidAt, start), lt(orders.paidAt, end))
  const [{ n }] = await db.select({ n: count() }).from(orders).where(and(paidInWeek, ne(orders.status, 'refunded')))
  const quantities = await db
    .select({ unit: orderItems.unit, quantity: sql<number>`sum(${orderItems.quantity})`.mapWith(Number) })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(paidInWeek, ne(orders.status, 'refunded')))
    .groupBy(orderItems.unit)
    .orderBy(orderItems.unit)
  const [{ paid }] = await db
    .select({ paid: sql<number>`coalesce(sum(${orders.totalFen}), 0)`.mapWith(Number) })
    .from(orders)
    .where(paidInWeek)
  return { ordersCount: n, quantities, paidFen: paid }
}

/**
 * Money returned to buyers in [start, end) for orders they had paid and then cancelled (status
 * refunded). A refund for a payment that arrived after its order was cancelled is not counted:
 * that money never counted as paid.
 */
export async function weekRefundedFen(db: Executor, farmerId: number, start: Date, end: Date): Promise<number> {
  const [row] = await db
    .select({ fen: sql<number>`coalesce(sum(${refunds.amountFen}), 0)`.mapWith(Number) })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(
      and(
        eq(orders.farmerId, farmerId),
        eq(orders.status, 'refunded'),
        isNotNull(orders.paidAt),
        ne(refunds.status, 'failed'),
        gte(refunds.createdAt, start),
        lt(refunds.createdAt, end),
      ),
    )
  return row.fen
}

export async function toShipCount(db: Executor, farmerId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(orders).where(and(eq(orders.farmerId, farmerId), eq(orders.status, 'paid')))
  return row.n
}

/** Specs of the farmer's products on sale or sold out with `threshold` or fewer left, fewest first. */
export async function lowStockSpecs(db: Executor, farmerId: number, threshold: number, limit: number) {
  return db
    .select({
      specId: productSpecs.id,
      productId: products.id,
      title: products.title,
      specName: productSpecs.name,
      unit: productSpecs.unit,
      stock: productSpecs.stock,
    })
    .from(productSpecs)
    .innerJoin(products, eq(products.id, productSpecs.productId))
    .where(and(eq(products.farmerId, farmerId), inArray(products.status, ['on_sale', 'sold_out']), lte(productSpecs.stock, threshold)))
    .orderBy(asc(productSpecs.stock), asc(products.id), asc(productSpecs.sortOrder))
    .limit(limit)
}
