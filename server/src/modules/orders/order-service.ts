/** A buyer's orders: list by status, detail with timeline, cancel, confirm receipt; and the order jobs. */
import type { Db } from '../../db/client'
import type { CheckoutDto, OrderDetailDto, OrderPageDto } from '../../contracts/orders'
import type { OrderStatus } from '../../../../src/domain/order-states'
import { notFound } from '../../http/errors'
import type { JobHandler } from '../../jobs/job-runner'
import { decodeCursor, encodeCursor } from '../catalog/cursor'
import { AUTO_CONFIRM_JOB, cancelByBuyer, confirmReceipt, expireCheckout } from './order-lifecycle'
import { toCheckout, toDetail, toSummaries } from './order-mapper'
import { findCheckout, findOrder, listBuyerOrders, ordersOfCheckout } from './order-repository'
import { EXPIRE_CHECKOUT_JOB } from './placement-service'

export interface OrderServiceDeps {
  db: Db
  clock: () => Date
  /** Asks WeChat Pay about a checkout's open payments before it expires (best effort). */
  reconcileBeforeExpiry?: (checkoutId: number) => Promise<void>
}

export function createOrderService({ db, clock, reconcileBeforeExpiry }: OrderServiceDeps) {
  /** The buyer's own order, locked in the caller's transaction; anyone else's is a 404. */
  async function ownOrder(tx: Parameters<Parameters<Db['transaction']>[0]>[0], buyerId: number, id: number) {
    const order = await findOrder(tx, id, true)
    if (!order || order.buyerId !== buyerId) throw notFound('Order')
    return order
  }

  return {
    async list(buyerId: number, query: { status?: OrderStatus; cursor?: string; limit?: number }): Promise<OrderPageDto> {
      const limit = query.limit ?? 20
      const rows = await listBuyerOrders(db, buyerId, query.status, query.cursor ? decodeCursor(query.cursor) : undefined, limit + 1)
      const page = rows.slice(0, limit)
      return { items: await toSummaries(db, page), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null }
    },

    async get(buyerId: number, id: number): Promise<OrderDetailDto> {
      const order = await findOrder(db, id)
      if (!order || order.buyerId !== buyerId) throw notFound('Order')
      return toDetail(db, order)
    },

    async getCheckout(buyerId: number, id: number): Promise<CheckoutDto> {
      const checkout = await findCheckout(db, id, buyerId)
      if (!checkout) throw notFound('Checkout')
      return toCheckout(db, checkout, await ordersOfCheckout(db, id))
    },

    async cancel(buyerId: number, id: number, reason: string): Promise<OrderDetailDto> {
      const order = await db.transaction(async (tx) => cancelByBuyer(tx, await ownOrder(tx, buyerId, id), buyerId, reason, clock()))
      return toDetail(db, order)
    },

    async confirmReceipt(buyerId: number, id: number): Promise<OrderDetailDto> {
      const order = await db.transaction(async (tx) => confirmReceipt(tx, await ownOrder(tx, buyerId, id), buyerId, clock()))
      return toDetail(db, order)
    },

    jobs: {
      [EXPIRE_CHECKOUT_JOB]: (async (payload, now) => {
        const checkoutId = Number(payload.checkoutId)
        if (reconcileBeforeExpiry) await reconcileBeforeExpiry(checkoutId).catch(() => undefined)
        await db.transaction((tx) => expireCheckout(tx, checkoutId, now))
      }) satisfies JobHandler,
      [AUTO_CONFIRM_JOB]: (async (payload, now) => {
        await db.transaction(async (tx) => {
          const order = await findOrder(tx, Number(payload.orderId), true)
          if (order?.status === 'shipped') await confirmReceipt(tx, order, null, now)
        })
      }) satisfies JobHandler,
    },
  }
}

export type OrderService = ReturnType<typeof createOrderService>
