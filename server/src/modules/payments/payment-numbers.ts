/**
 * WeChat Pay's numbers for our payments: trade numbers `<checkout no>P<attempt>` and refund
 * numbers `R<order no>-<payment id>`; both fit out_trade_no / out_refund_no ([0-9A-Za-z_-], ≤ 32).
 */
export const outTradeNo = (checkoutNo: string, attempt: number) => `${checkoutNo}P${attempt}`
export const outRefundNo = (orderNumber: string, paymentId: number) => `R${orderNumber}-${paymentId}`
