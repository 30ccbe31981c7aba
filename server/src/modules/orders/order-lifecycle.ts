/**
 * Order use cases that run inside a caller's transaction, on rows locked there:
 * payment arriving, buyer cancelling, expiry, receipt. Stock and payments follow the order.
 */
import { AUTO_CONFIRM_DAYS } from '../../../../src/domain/order-states'
import { AppError } from '../../http/errors'
import { enqueue } from '../../jobs/job-queue'
import type { Executor } from '../../db/client'
import { closeOpenPayments, paidPaymentOf, requestRefund } from '../payments/payment-ledger'
import { ordersByIds, ordersOfCheckout, releaseStock, type OrderRow } from './order-repository'
import { applyTransition, noteEvent } from './order-transitions'
import { recordSales } from '../sales-rollup/record-sales'

export const AUTO_CONFIRM_JOB = 'auto_confirm_receipt'
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A WeChat Pay payment covering these orders succeeded. Orders still awaiting payment become
 * paid; any other (cancelled by the buyer or by expiry, or already paid by another payment)
 * keeps its status and gets its money back.
 */
export async function settlePayment(db: Executor, paymentId: number, orderIds: number[], at: Date): Promise<{ paid: OrderRow[]; refunded: OrderRow[] }> {
  const paid: OrderRow[] = []
  const refunded: OrderRow[] = []
  for (const order of await ordersByIds(db, orderIds, true)) {
    if (order.status === 'pending_payment') {
      paid.push(await applyTransition(db, order, { action: 'pay', actor: 'wechat_pay', reason: '微信支付成功', at }))
    } else {
      await noteEvent(db, order, 'wechat_pay', `支付到账时订单${order.status === 'cancelled' ? '已取消' : '已支付'}，已自动原路退款`, at)
      await requestRefund(db, order, paymentId, '订单已取消，自动退款', at)
      refunded.push(order)
    }
  }
  await recordSales(db, paid, at)
  return { paid, refunded }
}

/** The buyer cancels: an unpaid order releases its stock; a paid, unshipped one is refunded. */
export async function cancelByBuyer(db: Executor, order: OrderRow, buyerId: number, reason: string, at: Date): Promise<OrderRow> {
  if (order.status === 'pending_payment') {
    const cancelled = await applyTransition(db, order, { action: 'cancel', actor: 'buyer', actorUserId: buyerId, reason: reason || '买家取消', at })
    await releaseStock(db, [order.id])
    await closeOpenPayments(db, order.checkoutId, at)
    return cancelled
  }
  if (order.status === 'paid') {
    const payment = await paidPaymentOf(db, order.id)
    if (!payment) throw new Error(`paid order ${order.id} has no paid payment`)
    const refunded = await applyTransition(db, order, { action: 'refund', actor: 'buyer', actorUserId: buyerId, reason: reason || '买家取消，原路退款', at })
    await releaseStock(db, [order.id])
    await requestRefund(db, order, payment.id, reason || '买家取消订单', at)
    return refunded
  }
  throw new AppError(409, 'ORDER_NOT_CANCELLABLE', `An order that is ${order.status} cannot be cancelled`)
}

/** The unpaid deadline passed: cancel what is still unpaid, release its stock, close the prepay. */
export async function expireCheckout(db: Executor, checkoutId: number, at: Date): Promise<OrderRow[]> {
  const expired: OrderRow[] = []
  for (const order of await ordersOfCheckout(db, checkoutId, true)) {
    if (order.status !== 'pending_payment' || order.expiresAt > at) continue
    expired.push(await applyTransition(db, order, { action: 'expire', actor: 'system', reason: '超时未支付，自动取消', at }))
  }
  await releaseStock(db, expired.map((o) => o.id))
  if (expired.length > 0) await closeOpenPayments(db, checkoutId, at)
  return expired
}

export async function confirmReceipt(db: Executor, order: OrderRow, buyerId: number | null, at: Date): Promise<OrderRow> {
  if (order.status !== 'shipped') throw new AppError(409, 'ORDER_NOT_CONFIRMABLE', `An order that is ${order.status} cannot be confirmed`)
  return buyerId === null
    ? applyTransition(db, order, { action: 'auto_confirm', actor: 'system', reason: `发货${AUTO_CONFIRM_DAYS}天后自动确认收货`, at })
    : applyTransition(db, order, { action: 'confirm_receipt', actor: 'buyer', actorUserId: buyerId, reason: '买家确认收货', at })
}

/** Called when an order ships: receipt is confirmed automatically after AUTO_CONFIRM_DAYS. */
export async function scheduleAutoConfirm(db: Executor, order: OrderRow, shippedAt: Date): Promise<void> {
  await enqueue(db, {
    kind: AUTO_CONFIRM_JOB,
    dedupeKey: `auto-confirm:order:${order.id}`,
    payload: { orderId: order.id },
    runAt: new Date(shippedAt.getTime() + AUTO_CONFIRM_DAYS * DAY_MS),
  })
}
