/** A buyer's orders: list by status, detail with timeline, confirm receipt; and the auto-confirm job. */
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import type { CheckoutDto, OrderDetailDto, OrderPageDto } from '@contracts/orders'
import { actionsFor, type OrderStatus } from '@domain/order-states'
import { notFound } from '../../http/errors'
import type { JobHandler } from '../../jobs/job-runner'
import { decodeCursor, encodeCursor } from '../catalog'
import { AUTO_CONFIRM_JOB, confirmReceipt } from './order-lifecycle'
import { toCheckout, toDetail, toSummaries, type RefundLookup } from './order-mapper'
import { findCheckout, findOrder, listBuyerOrders, ordersOfCheckout, type OrderRow } from './order-repository'

export interface OrderServiceDeps {
  db: Db
  clock: () => Date
  /** Every refund of an order as the buyer sees it (payments owns refunds). */
  refundsOf: RefundLookup
}

export function createOrderService({ db, clock, refundsOf }: OrderServiceDeps) {
  return {
    async list(buyerId: number, query: { status?: OrderStatus; cursor?: string; limit?: number }): Promise<OrderPageDto> {
      const limit = query.limit ?? 20
      const rows = await listBuyerOrders(db, buyerId, query.status, query.cursor ? decodeCursor(query.cursor) : undefined, limit + 1)
      const page = rows.slice(0, limit)
      return { items: await toSummaries(db, page), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null }
    },

    /** The buyer's own order with its timeline; anyone else's is a 404. */
    async get(buyerId: number, id: number): Promise<OrderDetailDto> {
      const order = await findOrder(db, id)
      if (!order || order.buyerId !== buyerId) throw notFound('Order')
      return toDetail(db, order, refundsOf)
    },

    /** An order the caller already holds (just changed), as the buyer sees it. */
    detail(order: OrderRow): Promise<OrderDetailDto> {
      return toDetail(db, order, refundsOf)
    },

    async getCheckout(buyerId: number, id: number): Promise<CheckoutDto> {
      const checkout = await findCheckout(db, id, buyerId)
      if (!checkout) throw notFound('Checkout')
      return toCheckout(db, checkout, await ordersOfCheckout(db, id))
    },

    async confirmReceipt(buyerId: number, id: number): Promise<OrderDetailDto> {
      const order = await inTransaction(db, async (tx) => {
        const locked = await findOrder(tx, id, true)
        if (!locked || locked.buyerId !== buyerId) throw notFound('Order')
        return confirmReceipt(tx, locked, buyerId, clock())
      })
      return toDetail(db, order, refundsOf)
    },

    jobs: {
      [AUTO_CONFIRM_JOB]: (async (payload, now) => {
        await inTransaction(db, async (tx) => {
          const order = await findOrder(tx, Number(payload.orderId), true)
          if (order && actionsFor(order.status, 'system').includes('auto_confirm')) await confirmReceipt(tx, order, null, now)
        })
      }) satisfies JobHandler,
    },
  }
}

export type OrderService = ReturnType<typeof createOrderService>
