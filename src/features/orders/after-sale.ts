/**
 * The order detail's after-sale rules as the buyer sees them (the server decides finally): a claim
 * may be filed while the order is shipped, or up to CLAIM_WINDOW_HOURS after receipt, for lines
 * without an open claim. Pure: no Taro, no React.
 */
import type { ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto } from '@contracts/orders'
import { CLAIM_WINDOW_HOURS, isClaimOpen } from '@domain/claim-states'

type Order = Pick<OrderDetailDto, 'status' | 'events' | 'items'>

/** When the order was received (the transition, not a later step at the same status), or null. */
export function receivedAt(order: Pick<OrderDetailDto, 'events'>): Date | null {
  const received = [...order.events].reverse().find((e) => e.toStatus === 'received' && e.fromStatus !== 'received' && !e.event)
  return received ? new Date(received.at) : null
}

/** Until when a claim may be filed on a received order; null when it is not received. */
export function claimDeadline(order: Pick<OrderDetailDto, 'status' | 'events'>): Date | null {
  if (order.status !== 'received') return null
  const at = receivedAt(order)
  return at ? new Date(at.getTime() + CLAIM_WINDOW_HOURS * 3600_000) : null
}

/** Whether 申请售后 shows: shipped, or received within the window, and some line has no open claim. */
export function canFileClaim(order: Order, claims: readonly Pick<ClaimDto, 'status' | 'lines'>[], now: Date): boolean {
  if (order.status === 'received') {
    const until = claimDeadline(order)
    if (!until || now > until) return false
  } else if (order.status !== 'shipped') {
    return false
  }
  const taken = new Set(claims.filter((c) => isClaimOpen(c.status)).flatMap((c) => c.lines.map((l) => l.orderItemId)))
  return order.items.some((i) => !taken.has(i.id))
}
