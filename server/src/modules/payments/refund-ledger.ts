/**
 * The refund ledger: every refund of an order, recorded inside the caller's transaction (the
 * caller holds the order's row lock; here the paying payment is locked next, as lock-order.ts
 * says) and sent to WeChat Pay by a durable job (refund-service.ts).
 *
 * - A sale refund (buyer_cancel, after_sale, weight_adjustment) comes from the payment that paid
 *   the order; what the order's sale refunds hold never exceeds the order's total.
 * - A return (late_payment, duplicate_payment) gives back a payment that was not a sale, in full
 *   for the order, from that payment.
 * WeChat Pay's rules per payment: at most 50 refunds, spaced ≥ 1 min apart (queued), none after a year.
 */
import { REFUND_RULES, type RefundBearer, type RefundKind } from '@domain/payment-states'
import type { Executor } from '../../db/client'
import { AppError } from '../../http/errors'
import { enqueue } from '../../jobs/job-queue'
import { lockPayment, paidPaymentOf, SUBMIT_REFUND_JOB } from './payment-ledger'
import { outRefundNo } from './payment-numbers'
import type { PaymentRow, RefundRow } from './payment-repository'
import {
  existingOneOf,
  heldFen,
  insertRefund,
  latestSendOfPayment,
  orderTotalFen,
  refundCountOfOrder,
  refundCountOfPayment,
  refundsOfOrders as refundRowsOfOrders,
  type NewRefund,
} from './refund-repository'

export interface RefundRequest {
  /** The caller holds this order's row lock (for update). */
  order: { id: number; orderNo: string; totalFen: number }
  kind: RefundKind
  /** > 0 */
  amountFen: number
  /** Shown to the buyer by WeChat (≤ 80 chars). */
  reason: string
  /** Default 'farmer'. */
  borneBy?: RefundBearer
  /** User id; null = the system. */
  decidedBy?: number | null
  claimId?: number | null
}

/** A payment that was not a sale, given back: paid after its order was cancelled, or a second payment of a paid order. */
export type ReturnKind = 'late_payment' | 'duplicate_payment'

/** When a new refund of this (locked) payment may be sent: spaced after the payment's latest one. */
async function sendTimeFor(db: Executor, paymentId: number, at: Date): Promise<Date> {
  const latest = await latestSendOfPayment(db, paymentId)
  if (!latest) return at
  const spaced = latest.getTime() + REFUND_RULES.spacingMs
  return spaced > at.getTime() ? new Date(spaced) : at
}

/** Inserts the refund and schedules its submission, or returns the row a unique index already holds. */
async function record(db: Executor, payment: PaymentRow, row: Omit<NewRefund, 'outRefundNo' | 'paymentId'>, orderNo: string, at: Date): Promise<RefundRow> {
  const n = (await refundCountOfOrder(db, row.orderId)) + 1
  const created = await insertRefund(db, { ...row, paymentId: payment.id, outRefundNo: outRefundNo(orderNo, n) })
  if (!created) {
    const existing = await existingOneOf(db, { orderId: row.orderId, kind: row.kind, claimId: row.claimId, paymentId: payment.id })
    if (!existing) throw new Error(`refund ${outRefundNo(orderNo, n)} conflicts with another refund`)
    return existing
  }
  const runAt = await sendTimeFor(db, payment.id, at)
  await enqueue(db, { kind: SUBMIT_REFUND_JOB, dedupeKey: `refund:${created.id}`, payload: { refundId: created.id }, runAt })
  return created
}

/**
 * Records one sale refund inside the caller's transaction and schedules sending it to WeChat Pay.
 * Locks the payment that paid the order (after the order), refuses more than the order has left
 * (REFUND_EXCEEDS_PAID), a payment's 51st refund (REFUND_LIMIT_REACHED) and a payment paid more
 * than a year ago (REFUND_WINDOW_CLOSED). For the one-per-order kinds (buyer_cancel,
 * weight_adjustment, one per claimId) a second call returns the existing row.
 */
export async function requestRefund(tx: Executor, request: RefundRequest, at: Date): Promise<RefundRow> {
  const { order, kind, amountFen } = request
  if (kind === 'late_payment' || kind === 'duplicate_payment') throw new Error(`a ${kind} is a returned payment: use returnPayment`)
  if (!Number.isInteger(amountFen) || amountFen <= 0) throw new Error(`refund amount must be a positive integer of fen, not ${amountFen}`)
  const paid = await paidPaymentOf(tx, order.id)
  const payment = paid ? await lockPayment(tx, paid.id) : null
  if (!payment || payment.status !== 'paid' || !payment.paidAt) throw new AppError('REFUND_EXCEEDS_PAID', `Order ${order.orderNo} has no payment to refund from`)

  const existing = await existingOneOf(tx, { orderId: order.id, kind, claimId: request.claimId })
  if (existing) return existing

  if (at.getTime() - payment.paidAt.getTime() > REFUND_RULES.windowMs) {
    throw new AppError('REFUND_WINDOW_CLOSED', 'WeChat Pay refunds a payment for one year only')
  }
  if ((await refundCountOfPayment(tx, payment.id)) >= REFUND_RULES.maxPerPayment) {
    throw new AppError('REFUND_LIMIT_REACHED', `WeChat Pay takes at most ${REFUND_RULES.maxPerPayment} refunds of one payment`)
  }
  const left = order.totalFen - (await heldFen(tx, order.id))
  if (amountFen > left) throw new AppError('REFUND_EXCEEDS_PAID', `Order ${order.orderNo} has ${left} fen left to refund, not ${amountFen}`)

  return record(
    tx,
    payment,
    {
      orderId: order.id,
      kind,
      amountFen,
      reason: request.reason,
      borneBy: request.borneBy ?? 'farmer',
      decidedBy: request.decidedBy ?? null,
      claimId: request.claimId ?? null,
      createdAt: at,
    },
    order.orderNo,
    at,
  )
}

/**
 * Gives back a payment that was not a sale for this (locked) order, in full for the order: the
 * caller holds the order and the payment. Once per (payment, order): a second call returns the row.
 */
export async function returnPayment(tx: Executor, order: RefundRequest['order'], paymentId: number, kind: ReturnKind, reason: string, at: Date): Promise<RefundRow> {
  const payment = await lockPayment(tx, paymentId)
  if (!payment) throw new Error(`payment ${paymentId} not found`)
  const existing = await existingOneOf(tx, { orderId: order.id, kind, paymentId })
  if (existing) return existing
  return record(tx, payment, { orderId: order.id, kind, amountFen: order.totalFen, reason, borneBy: 'farmer', decidedBy: null, createdAt: at }, order.orderNo, at)
}

/** What can still be refunded of an order: paid − what its sale refunds hold (0 when unpaid). */
export async function refundableFen(db: Executor, orderId: number): Promise<number> {
  if (!(await paidPaymentOf(db, orderId))) return 0
  const total = await orderTotalFen(db, orderId)
  if (total === null) return 0
  return Math.max(0, total - (await heldFen(db, orderId)))
}

/** Every refund of these orders, oldest first (for order detail, claims, statements). */
export async function refundsOfOrders(db: Executor, orderIds: number[]): Promise<RefundRow[]> {
  return refundRowsOfOrders(db, orderIds)
}
