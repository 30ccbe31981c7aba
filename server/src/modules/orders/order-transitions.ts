/**
 * The one place an order's status changes: checks the transition in src/domain, updates the
 * row only if it is still in the status we read (so a concurrent change cannot be overwritten),
 * and writes the event row, all inside the caller's transaction.
 */
import { and, eq } from 'drizzle-orm'
import { transition, type Actor, type OrderAction, type OrderStatus } from '@domain/order-states'
import { orderEvents, orders } from '../../db/schema'
import { AppError } from '../../http/errors'
import type { Executor } from '../../db/client'
import type { OrderRow } from './order-repository'

/** The timestamp column each target status stamps. */
const STAMP: Partial<Record<OrderStatus, 'paidAt' | 'shippedAt' | 'receivedAt' | 'cancelledAt' | 'refundedAt'>> = {
  paid: 'paidAt',
  shipped: 'shippedAt',
  received: 'receivedAt',
  cancelled: 'cancelledAt',
  refunded: 'refundedAt',
}

export interface TransitionInput {
  action: OrderAction
  actor: Actor
  actorUserId?: number | null
  reason: string
  at: Date
  /** Other columns the transition sets (carrier and tracking number on shipping). */
  set?: Partial<Pick<OrderRow, 'carrier' | 'trackingNo'>>
}

export async function applyTransition(db: Executor, order: OrderRow, input: TransitionInput): Promise<OrderRow> {
  const to = transition(order.status, input.action, input.actor)
  const stamp = STAMP[to]
  const [updated] = await db
    .update(orders)
    .set({ status: to, updatedAt: input.at, ...(stamp ? { [stamp]: input.at } : {}), ...input.set })
    .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
    .returning()
  if (!updated) throw new AppError('ORDER_CHANGED', 'The order changed meanwhile; reload it')
  await db.insert(orderEvents).values({
    orderId: order.id,
    fromStatus: order.status,
    toStatus: to,
    actor: input.actor,
    actorUserId: input.actorUserId ?? null,
    reason: input.reason,
    createdAt: input.at,
  })
  return updated
}

/** An event that records something that happened to an order without changing its status. */
export async function noteEvent(db: Executor, order: OrderRow, actor: Actor, reason: string, at: Date): Promise<void> {
  await db.insert(orderEvents).values({ orderId: order.id, fromStatus: order.status, toStatus: order.status, actor, reason, createdAt: at })
}

/** A step recorded on an order's timeline that is not a status change (an after-sale claim's step): from = to = the order's status. */
export interface OrderStep {
  orderId: number
  status: OrderStatus
  /** buyer, farmer, manager, system… (who took the step) */
  actor: string
  actorUserId?: number | null
  /** What happened, e.g. `claim.opened`. */
  event: string
  /** In Chinese, as the buyer's timeline shows it. */
  reason: string
  at: Date
}

export async function recordOrderStep(db: Executor, step: OrderStep): Promise<void> {
  await db.insert(orderEvents).values({
    orderId: step.orderId,
    fromStatus: step.status,
    toStatus: step.status,
    actor: step.actor,
    actorUserId: step.actorUserId ?? null,
    event: step.event,
    reason: step.reason,
    createdAt: step.at,
  })
}
