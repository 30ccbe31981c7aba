/** What each durable job kind does, in the manager's words (the `what` of a failed job). */
const LABELS: Readonly<Record<string, string>> = {
  upload_shipping_info: '向微信上传发货信息',
  send_shipped_message: '给买家发送发货通知',
  submit_refund: '向微信支付提交退款',
  query_refund: '向微信支付查询退款结果',
  close_payment: '关闭微信支付单',
  expire_checkout: '关闭超时未付款的订单',
  auto_confirm_receipt: '到期自动确认收货',
  escalate_claim: '售后超时转交合作社处理',
  media_cleanup: '清理未使用的照片',
}

const FALLBACK_LABEL = '后台任务'

export function jobLabel(kind: string): string {
  return LABELS[kind] ?? FALLBACK_LABEL
}

/** The kinds with a label of their own (a test checks every registered kind has one). */
export const LABELLED_KINDS: readonly string[] = Object.keys(LABELS)
