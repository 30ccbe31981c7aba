/**
 * WeChat Pay's numbers for our payments: trade numbers `<checkout no>P<attempt>` (out_trade_no:
 * [0-9A-Za-z_-], ≤ 32) and refund numbers `<order no>R<n>` for an order's n-th refund
 * (out_refund_no: [0-9A-Za-z_-|*@], ≤ 64). Refunds made before the ledger keep their
 * `R<order no>-<payment id>`.
 */
export const outTradeNo = (checkoutNo: string, attempt: number) => `${checkoutNo}P${attempt}`
export const outRefundNo = (orderNumber: string, n: number) => `${orderNumber}R${n}`
