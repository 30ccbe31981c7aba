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

/** The statuses a farmer's order list shows (an order is the farmer's business once paid). */
export const FARMER_ORDER_STATUSES = ['paid', 'shipped', 'received', 'refunded'] as const satisfies readonly OrderStatus[]

export type Actor = 'buyer' | 'farmer' | 'system' | 'wechat_pay'

export type OrderAction = 'pay' | 'cancel' | 'expire' | 'refund' | 'ship' | 'confirm_receipt' | 'auto_confirm'

interface Rule {
  from: OrderStatus
  to: OrderStatus
  /** Who makes the transition (the only actors `transition()` accepts) */
  actors: readonly Actor[]
  /** Who may set it going without making it: the buyer starts paying, WeChat Pay's notification makes the order paid */
  startedBy?: readonly Actor[]
}

export const TRANSITIONS: Record<OrderAction, Rule> = {
  pay: { from: 'pending_payment', to: 'paid', actors: ['wechat_pay'], startedBy: ['buyer'] },
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

const ACTIONS = Object.keys(TRANSITIONS) as OrderAction[]

/**
 * What `actor` may do to an order in `status` now, in table order: the actions it makes, and those it
 * starts (the buyer's `pay` means "may start paying"; the order becomes paid when WeChat Pay says so).
 */
export function actionsFor(status: OrderStatus, actor: Actor): OrderAction[] {
  return ACTIONS.filter((action) => {
    const rule = TRANSITIONS[action]
    return rule.from === status && (rule.actors.includes(actor) || (rule.startedBy?.includes(actor) ?? false))
  })
}

/** The buyer's buttons: 去支付, 取消订单 and 确认收货. */
export type BuyerAction = 'pay' | 'cancel' | 'confirm_receipt'

/** In the buyer's eyes 取消订单 is one thing: `cancel` before paying, `refund` after. */
const BUYER_ACTION: Partial<Record<OrderAction, BuyerAction>> = {
  pay: 'pay',
  cancel: 'cancel',
  refund: 'cancel',
  confirm_receipt: 'confirm_receipt',
}

/** The buttons a buyer sees on an order in `status`, derived from `actionsFor(status, 'buyer')`. */
export function buyerActions(status: OrderStatus): BuyerAction[] {
  const out: BuyerAction[] = []
  for (const action of actionsFor(status, 'buyer')) {
    const button = BUYER_ACTION[action]
    if (button && !out.includes(button)) out.push(button)
  }
  return out
}

/** Whether the buyer's 取消订单 refunds the order (it was paid) rather than simply cancelling it. */
export const buyerCancelRefunds = (status: OrderStatus): boolean => actionsFor(status, 'buyer').includes('refund')

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

/** Shipped orders are confirmed received automatically after this many days. */
export const AUTO_CONFIRM_DAYS = 10
