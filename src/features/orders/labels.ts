/** How orders read to a buyer. Pure: no Taro, no React. */
import type { OrderDetailDto, OrderStatusDto, OrderSummaryDto } from '@contracts/orders'
import { BUYER_TABS, ORDER_STATUSES, buyerActions, buyerCancelRefunds, type BuyerAction } from '@domain/order-states'

export interface OrderTab {
  label: string
  /** null: every order */
  status: OrderStatusDto | null
}

/** 全部, then the buyer's tabs (待付款 … 退款), each one status. */
export const ORDER_TABS: readonly OrderTab[] = [
  { label: '全部', status: null },
  ...Object.entries(BUYER_TABS).map(([label, statuses]) => ({ label, status: statuses[0] as OrderStatusDto })),
]

export function parseOrderStatus(raw: string | undefined): OrderStatusDto | null {
  return raw && (ORDER_STATUSES as readonly string[]).includes(raw) ? (raw as OrderStatusDto) : null
}

/** The buttons the buyer sees on this order (去支付, 取消订单, 确认收货), from the order machine. */
export const orderActions = (o: Pick<OrderSummaryDto, 'status'>): BuyerAction[] => buyerActions(o.status)

/** What the buyer is told before cancelling. */
export function cancelPrompt(o: Pick<OrderSummaryDto, 'status'>): { title: string; content: string } {
  return buyerCancelRefunds(o.status)
    ? { title: '取消订单', content: '取消后将原路退款' }
    : { title: '取消订单', content: '取消后库存将释放' }
}

export const CONFIRM_RECEIPT_PROMPT = { title: '确认收货', content: '请确认已收到货品，确认后订单完成' }

/** 应付 while waiting for payment, 实付 once paid, 合计 for an order never paid. */
export function totalLabel(o: Pick<OrderSummaryDto, 'status' | 'paidAt'>): string {
  if (o.status === 'pending_payment') return '应付'
  return o.paidAt ? '实付' : '合计'
}

export function itemCount(o: Pick<OrderSummaryDto, 'items'>): number {
  return o.items.reduce((n, i) => n + i.quantity, 0)
}

type Refund = NonNullable<OrderDetailDto['refund']>

export function refundLabel(refund: Refund): string {
  if (refund.status === 'succeeded') return '退款成功，已原路退回'
  if (refund.status === 'failed') return '退款遇到问题，我们会尽快处理'
  return '退款处理中，预计 1–3 个工作日原路退回'
}

const CJK = /[\u4e00-\u9fa5]/

/** Steps that are not status changes (`event`): after-sale claims and refunds. Their reason says the rest. */
const STEP_TITLES: Record<string, string> = {
  'claim.opened': '申请售后',
  'claim.accepted': '售后已同意退款',
  'claim.offered': '农户提出退款金额',
  'claim.contested': '售后转合作社处理',
  'claim.escalated': '售后转合作社处理',
  'claim.decided': '合作社已裁定售后',
  'claim.withdrawn': '售后已撤回',
  'refund.requested': '退款已提交',
  'refund.succeeded': '退款成功',
}

type TimelineEvent = Pick<OrderDetailDto['events'][number], 'toStatus' | 'actor'> & Partial<Pick<OrderDetailDto['events'][number], 'event' | 'reason'>>

/** One line of the timeline: what happened, in the buyer's words. */
export function eventTitle(e: TimelineEvent): string {
  if (e.event) return STEP_TITLES[e.event] ?? (e.reason && CJK.test(e.reason) ? e.reason : '订单有更新')
  switch (e.toStatus) {
    case 'pending_payment':
      return '下单成功'
    case 'paid':
      return '支付成功'
    case 'shipped':
      return '农户已发货'
    case 'received':
      return e.actor === 'system' ? '超时自动确认收货' : '确认收货'
    case 'cancelled':
      return e.actor === 'system' ? '超时未支付，订单已取消' : '订单已取消'
    case 'refunded':
      return '订单已取消，款项原路退回'
  }
}

/** The event's reason when it is written for people (Chinese) and says more than the title, else null. */
export function eventNote(reason: string, title: string): string | null {
  const r = reason.trim()
  if (!r || !CJK.test(r) || title.includes(r) || r.includes(title)) return null
  return r
}

/** The line under a timeline entry: a step's reason is its detail (amounts, notes), shown unless it is the title. */
export function timelineNote(e: Pick<OrderDetailDto['events'][number], 'reason'> & Partial<Pick<OrderDetailDto['events'][number], 'event'>>, title: string): string | null {
  if (!e.event) return eventNote(e.reason, title)
  const r = e.reason.trim()
  return r && CJK.test(r) && r !== title ? r : null
}
