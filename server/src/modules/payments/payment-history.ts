/**
 * Payments that already happened (the demo store's past weeks, seed/demo-sales.ts): each paid
 * for one recorded order, some refunded in full (the buyer's cancel after paying: kind
 * buyer_cancel, the order's first refund). Live payments never come this way.
 */
import type { Executor } from '../../db/client'
import { payments, refunds } from '../../db/schema'
import { outRefundNo, outTradeNo } from './payment-numbers'

export interface PastPayment {
  checkoutId: number
  checkoutNo: string
  order: { id: number; orderNo: string; totalFen: number }
  payerOpenid: string
  expiresAt: Date
  paidAt: Date
  refund: { reason: string; requestedAt: Date; succeededAt: Date } | null
}

export async function recordPastPayments(db: Executor, past: PastPayment[]): Promise<void> {
  if (past.length === 0) return
  const rows = await db
    .insert(payments)
    .values(
      past.map((p) => ({
        outTradeNo: outTradeNo(p.checkoutNo, 1),
        checkoutId: p.checkoutId,
        orderIds: [p.order.id],
        amountFen: p.order.totalFen,
        payerOpenid: p.payerOpenid,
        status: 'paid' as const,
        expiresAt: p.expiresAt,
        paidAt: p.paidAt,
        createdAt: p.paidAt,
      })),
    )
    .returning({ id: payments.id })
  const refunded = past.map((p, i) => ({ p, paymentId: rows[i].id })).filter(({ p }) => p.refund !== null)
  if (refunded.length === 0) return
  await db.insert(refunds).values(
    refunded.map(({ p, paymentId }) => ({
      outRefundNo: outRefundNo(p.order.orderNo, 1),
      paymentId,
      orderId: p.order.id,
      kind: 'buyer_cancel' as const,
      amountFen: p.order.totalFen,
      reason: p.refund!.reason,
      status: 'succeeded' as const,
      refundId: `demo-${p.checkoutNo}`,
      submittedAt: p.refund!.requestedAt,
      succeededAt: p.refund!.succeededAt,
      createdAt: p.refund!.requestedAt,
    })),
  )
}
