/**
 * The order lifecycle: one table of allowed transitions, who may make each, and why.
 * Every status change in the server goes through `transition()`; nothing else writes a status.
 *
 *   pending_payment → paid → shipped → received
 *   pending_payment → cancelled          (buyer, or expiry)
 *   paid            → refunded           (cancelled before shipping; refunded through WeChat Pay)
 */
export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'received', 'cancelled', 'refunded'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export type Actor = 'buyer' | 'farmer' | 'system' | 'wechat_pay'

export type OrderAction = 'pay' | 'cancel' | 'expire' | 'refund' | 'ship' | 'confirm_receipt' | 'auto_confirm'

interface Rule {
  from: OrderStatus
  to: OrderStatus
  actors: readonly Actor[]
}

export const TRANSITIONS: Record<OrderAction, Rule> = {
  pay: { from: 'pending_payment', to: 'paid', actors: ['wechat_pay'] },
  cancel: { from: 'pending_payment', to: 'cancelled', actors: ['buyer'] },
  expire: { from: 'pending_payment', to: 'cancelled', actors: ['system'] },
  refund: { from: 'paid', to: 'refunded', actors: ['buyer', 'system'] },
  ship: { from: 'paid', to: 'shipped', actors: ['farmer'] },
  confirm_receipt: { from: 'shipped', to: 'received', actors: ['buyer'] },
  auto_confirm: { from: 'shipped', to: 'received', actors: ['system'] },
}

export class TransitionError extends Error {
  constructor(
    public readonly action: OrderAction,
    public readonly status: OrderStatus,
    public readonly actor: Actor,
  ) {
    super(`cannot ${action} an order that is ${status} (as ${actor})`)
  }
}

/** The status after `action`, or a TransitionError when the table does not allow it. */
export function transition(status: OrderStatus, action: OrderAction, actor: Actor): OrderStatus {
  const rule = TRANSITIONS[action]
  if (rule.from !== status || !rule.actors.includes(actor)) throw new TransitionError(action, status, actor)
  return rule.to
}

export function canTransition(status: OrderStatus, action: OrderAction, actor: Actor): boolean {
  const rule = TRANSITIONS[action]
  return rule.from === status && rule.actors.includes(actor)
}

/** The buyer's tabs in "my orders" (退款 groups refunded orders). */
export const BUYER_TABS = {
  待付款: ['pending_payment'],
  待发货: ['paid'],
  待收货: ['shipped'],
  已完成: ['received'],
  已取消: ['cancelled'],
  退款: ['refunded'],
} as const satisfies Record<string, readonly OrderStatus[]>

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '待收货',
  received: '已完成',
  cancelled: '已取消',
  refunded: '已退款',
}

/** How long a buyer has to pay, by default. */
export const DEFAULT_PAY_WINDOW_MINUTES = 30
/** Shipped orders are confirmed received automatically after this many days. */
export const AUTO_CONFIRM_DAYS = 10
