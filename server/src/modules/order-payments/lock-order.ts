/**
 * The one lock order of the money path. Every transaction that changes an order together with
 * its money — pay, the payment notice, cancel, expiry (and refunds and shipping, which lock
 * less) — takes its row locks in this order:
 *
 *   1. the checkout            (serialises every money change of one checkout's orders)
 *   2. its orders, by id
 *   3. the payment
 *   4. product specs, by id    (stock: released last, by the stock module, in id order)
 *
 * Two transactions that lock in the same order cannot deadlock each other. Placement creates
 * its checkout and orders, so it locks specs only; shipping locks one order only.
 */
import type { Executor } from '../../db/client'
import { notFound } from '../../http/errors'
import { lockCheckout, ordersByIds, ordersOfCheckout, type CheckoutRow, type OrderRow } from '../orders'
import { lockPayment, type PaymentRow } from '../payments'

export interface MoneyLocks {
  checkout: CheckoutRow
  orders: OrderRow[]
  payment: PaymentRow | null
}

/** Locks the checkout, then these orders of it (or all of them) in id order, then the payment. */
export async function lockMoneyPath(tx: Executor, target: { checkoutId: number; orderIds: number[] | 'all'; paymentId?: number }): Promise<MoneyLocks> {
  const checkout = await lockCheckout(tx, target.checkoutId)
  if (!checkout) throw notFound('Checkout')
  const orders = target.orderIds === 'all' ? await ordersOfCheckout(tx, checkout.id, true) : await ordersByIds(tx, target.orderIds, true)
  const payment = target.paymentId === undefined ? null : await lockPayment(tx, target.paymentId)
  return { checkout, orders, payment }
}
