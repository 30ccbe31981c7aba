/**
 * The pay sandbox's records as WeChat Pay reports them: a Transaction (query, notification), a
 * Refund (create, query), and a REFUND.* notification's plaintext.
 */
import { toChinaRfc3339, type Refund, type Transaction } from '../../pay/pay-client'
import { newTransactionId } from './pay-sandbox-ids'
import type { RefundOutcome, SandboxOrder, SandboxRefund } from './pay-sandbox-types'

const STATE_DESC = { NOTPAY: '订单未支付', SUCCESS: '支付成功', CLOSED: '订单已关闭', REFUND: '转入退款' } as const

export const isPaid = (state: SandboxOrder['state']) => state === 'SUCCESS' || state === 'REFUND'

/** `overrides` let a forged notification claim another state or amount; `now` is read only if needed. */
export function transactionView(
  o: SandboxOrder,
  now: () => number,
  overrides: Partial<Pick<SandboxOrder, 'state' | 'total'>> = {},
): Transaction {
  const state = overrides.state ?? o.state
  const total = overrides.total ?? o.total
  const tx = isPaid(state) ? { transactionId: o.transactionId ?? newTransactionId(), successTime: o.successTime ?? toChinaRfc3339(now()) } : null
  return {
    appid: o.appid, mchid: o.mchid, out_trade_no: o.outTradeNo,
    ...(tx ? { transaction_id: tx.transactionId, trade_type: 'JSAPI' } : {}),
    trade_state: state, trade_state_desc: STATE_DESC[state],
    ...(tx ? { bank_type: 'OTHERS' } : {}),
    ...(o.attach !== undefined ? { attach: o.attach } : {}),
    ...(tx ? { success_time: tx.successTime, payer: { openid: o.openid } } : {}),
    amount: { total, ...(tx ? { payer_total: overrides.total ?? o.payerTotal ?? total } : {}), currency: 'CNY', ...(tx ? { payer_currency: 'CNY' } : {}) },
  }
}

export function refundView(r: SandboxRefund, order: SandboxOrder): Refund {
  const payerTotal = order.payerTotal ?? order.total
  const payerRefund = Math.round((r.refund * payerTotal) / order.total)
  return {
    refund_id: r.refundId, out_refund_no: r.outRefundNo, transaction_id: order.transactionId!, out_trade_no: order.outTradeNo,
    channel: 'ORIGINAL', user_received_account: '支付用户零钱', ...(r.successTime ? { success_time: r.successTime } : {}),
    create_time: r.createTime, status: r.status, funds_account: 'AVAILABLE',
    amount: {
      total: order.total, refund: r.refund, from: [], payer_total: payerTotal, payer_refund: payerRefund,
      settlement_refund: r.refund, settlement_total: order.total, discount_refund: r.refund - payerRefund, currency: 'CNY',
    },
    promotion_detail: [],
  }
}

/** The REFUND.<outcome> notification: event type, summary and the plaintext to seal. */
export function refundNotification(r: SandboxRefund, order: SandboxOrder, outcome: RefundOutcome) {
  const view = refundView(r, order)
  const plaintext = {
    mchid: order.mchid, transaction_id: view.transaction_id, out_trade_no: view.out_trade_no, refund_id: view.refund_id,
    out_refund_no: view.out_refund_no, refund_status: outcome, ...(r.successTime ? { success_time: r.successTime } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: view.amount.total, refund: view.amount.refund, payer_total: view.amount.payer_total, payer_refund: view.amount.payer_refund },
  }
  const summary = outcome === 'SUCCESS' ? '退款成功' : outcome === 'CLOSED' ? '退款关闭' : '退款异常'
  return { eventType: `REFUND.${outcome}`, summary, plaintext }
}
