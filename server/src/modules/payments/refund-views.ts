/**
 * The refund ledger as people see it: the buyer's order detail lists every refund; the
 * cooperative sees the abnormal and failed ones of its farmers' orders and marks them resolved
 * once dealt with outside WeChat Pay's API (a later SUCCESS still lands after that).
 */
import type { OrderRefundDto, RefundAttentionDto } from '@contracts/after-sales'
import type { RefundStatus } from '@domain/payment-states'
import type { Db, Executor } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { AppError, notFound } from '../../http/errors'
import { attentionOf, attentionRowOf, changeRefund, refundsOfOrders, type AttentionRow } from './refund-repository'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** Every refund of the order, oldest first, as the buyer's order detail shows it. */
export async function orderRefundsOf(db: Executor, orderId: number): Promise<OrderRefundDto[]> {
  return (await refundsOfOrders(db, [orderId])).map((r) => ({
    kind: r.kind,
    status: r.status,
    amountFen: r.amountFen,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    succeededAt: iso(r.succeededAt),
  }))
}

const NEEDS_ATTENTION: readonly RefundStatus[] = ['abnormal', 'failed']

/** What the manager should do, in Chinese. */
function whatToDo(status: RefundStatus): string {
  if (status === 'abnormal') {
    return '微信支付无法原路退回（如买家银行卡已注销）：请在微信支付商户平台「交易中心-退款」处理这笔异常退款，或线下转账给买家，处理后标记已解决。'
  }
  return '微信支付拒绝了这笔退款，不会自动重试：请按失败原因核对后在商户平台重新发起，或线下转账给买家，处理后标记已解决。'
}

function attentionDto({ refund: r, orderNo, farmerName }: AttentionRow): RefundAttentionDto {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNo,
    outRefundNo: r.outRefundNo,
    kind: r.kind,
    status: r.status,
    amountFen: r.amountFen,
    farmerName,
    failureReason: r.failureReason,
    whatToDo: whatToDo(r.status),
    resolvedAt: iso(r.resolvedAt),
    resolvedNote: r.resolvedNote,
    createdAt: r.createdAt.toISOString(),
  }
}

/** Abnormal or failed refunds of the cooperative's farmers' orders not yet resolved, oldest first. */
export async function refundsNeedingAttention(db: Executor, cooperativeId: number): Promise<RefundAttentionDto[]> {
  return (await attentionOf(db, cooperativeId, NEEDS_ATTENTION)).map(attentionDto)
}

/**
 * The manager has dealt with an abnormal or failed refund (merchant platform, offline transfer):
 * marked resolved with their note. Another cooperative's refund is 404; any other status is
 * REFUND_NOT_RESOLVABLE; resolving again keeps the first resolution.
 */
export async function resolveRefund(db: Db, cooperativeId: number, refundId: number, userId: number, note: string, at: Date): Promise<RefundAttentionDto> {
  return inTransaction(db, async (tx) => {
    const row = await attentionRowOf(tx, refundId, true)
    if (!row || row.cooperativeId !== cooperativeId) throw notFound('Refund')
    if (!NEEDS_ATTENTION.includes(row.refund.status)) {
      throw new AppError('REFUND_NOT_RESOLVABLE', `A refund that is ${row.refund.status} needs no resolving`)
    }
    if (row.refund.resolvedAt) return attentionDto(row)
    const refund = await changeRefund(tx, refundId, { resolvedAt: at, resolvedBy: userId, resolvedNote: note })
    return attentionDto({ ...row, refund })
  })
}
