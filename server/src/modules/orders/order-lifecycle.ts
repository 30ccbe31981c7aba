/**
 * What happens to orders, on rows the caller has locked in its transaction (lock-order.ts in
 * order-payments). Orders decide; what money must then do (refund an order, close a checkout's
 * open payments) is returned to the caller, which has payments carry it out. Which action a
 * status allows is the order machine's answer (src/domain/order-states.ts), never restated here.
 */
import { actionsFor, AUTO_CONFIRM_DAYS } from '@domain/order-states'
import { AppError } from '../../http/errors'
import { enqueue } from '../../jobs/job-queue'
import type { Executor } from '../../db/client'
import { releaseStock } from '../stock'
import { recordSales } from '../sales-rollup'
import { heldStock, type OrderRow } from './order-repository'
import { applyTransition, noteEvent } from './order-transitions'

export const AUTO_CONFIRM_JOB = 'auto_confirm_receipt'
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A payment covering these (locked) orders succeeded. Orders awaiting payment become paid;
 * any other — cancelled by the buyer or by expiry, or already paid by another payment — keeps
 * its status and is returned in `refund`: the money that reached us for it goes back.
 */
export async function payOrders(db: Executor, locked: OrderRow[], at: Date): Promise<{ paid: OrderRow[]; refund: OrderRow[] }> {
  const paid: OrderRow[] = []
  const refund: OrderRow[] = []
  for (const order of locked) {
    if (actionsFor(order.status, 'wechat_pay').includes('pay')) {
      paid.push(await applyTransition(db, order, { action: 'pay', actor: 'wechat_pay', reason: '微信支付成功', at }))
    } else {
      await noteEvent(db, order, 'wechat_pay', `支付到账时订单${order.status === 'cancelled' ? '已取消' : '已支付'}，已自动原路退款`, at)
      refund.push(order)
    }
  }
  await recordSales(db, paid, at)
  return { paid, refund }
}

/** What money must do after a buyer's cancel. */
export type CancelOutcome =
  /** Never paid: the checkout's open prepays are closed. */
  | { order: OrderRow; money: 'close_open_payments' }
  /** Paid, not shipped: the order's payment is refunded in full. */
  | { order: OrderRow; money: 'refund'; reason: string }

/** The buyer cancels a (locked) order: unpaid → cancelled, paid but not shipped → refunded. */
export async function cancelByBuyer(db: Executor, order: OrderRow, buyerId: number, reason: string, at: Date): Promise<CancelOutcome> {
  const allowed = actionsFor(order.status, 'buyer')
  if (allowed.includes('cancel')) {
    const cancelled = await applyTransition(db, order, { action: 'cancel', actor: 'buyer', actorUserId: buyerId, reason: reason || '买家取消', at })
    return { order: cancelled, money: 'close_open_payments' }
  }
  if (allowed.includes('refund')) {
    const refunded = await applyTransition(db, order, { action: 'refund', actor: 'buyer', actorUserId: buyerId, reason: reason || '买家取消，原路退款', at })
    return { order: refunded, money: 'refund', reason: reason || '买家取消订单' }
  }
  throw new AppError('ORDER_NOT_CANCELLABLE', `An order that is ${order.status} cannot be cancelled`)
}

/** The unpaid deadline passed: every (locked) order still unpaid is cancelled; returns those. */
export async function expireOrders(db: Executor, locked: OrderRow[], at: Date): Promise<OrderRow[]> {
  const expired: OrderRow[] = []
  for (const order of locked) {
    if (!actionsFor(order.status, 'system').includes('expire') || order.expiresAt > at) continue
    expired.push(await applyTransition(db, order, { action: 'expire', actor: 'system', reason: '超时未支付，自动取消', at }))
  }
  return expired
}

/** Gives back the stock these orders took (the last lock of the money path: specs, in id order). */
export async function releaseStockOf(db: Executor, orderIds: number[]): Promise<void> {
  await releaseStock(db, await heldStock(db, orderIds))
}

/** The buyer (buyerId) or, ten days after shipping, the system (null) confirms a (locked) order's receipt. */
export async function confirmReceipt(db: Executor, order: OrderRow, buyerId: number | null, at: Date): Promise<OrderRow> {
  const action = buyerId === null ? 'auto_confirm' : 'confirm_receipt'
  if (!actionsFor(order.status, buyerId === null ? 'system' : 'buyer').includes(action)) {
    throw new AppError('ORDER_NOT_CONFIRMABLE', `An order that is ${order.status} cannot be confirmed`)
  }
  return buyerId === null
    ? applyTransition(db, order, { action, actor: 'system', reason: `发货${AUTO_CONFIRM_DAYS}天后自动确认收货`, at })
    : applyTransition(db, order, { action, actor: 'buyer', actorUserId: buyerId, reason: '买家确认收货', at })
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
