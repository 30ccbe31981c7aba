/** Order rows → the API's order shapes. */
import type { OrderRefundDto } from '@contracts/after-sales'
import { formatFen } from '@domain/money'
import { REFUND_KIND_LABELS } from '@domain/payment-states'
import type { CheckoutDto, OrderDetailDto, OrderItemDto, OrderSummaryDto } from '@contracts/orders'
import type { Executor } from '../../db/client'
import { cooperativeOfFarmer } from '../members'
import { eventsOf, farmersByIds, itemsOf, type CheckoutRow, type OrderItemRow, type OrderRow } from './order-repository'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** An order line as the API shows it, to buyers and farmers alike. */
export function itemDto(i: OrderItemRow): OrderItemDto {
  return {
    specId: i.specId,
    productId: i.productId,
    title: i.title,
    specName: i.specName,
    unit: i.unit,
    netWeightG: i.netWeightG,
    unitPriceFen: i.unitPriceFen,
    quantity: i.quantity,
    lineTotalFen: i.lineTotalFen,
    id: i.id,
    packedWeightG: i.packedWeightG,
  }
}

function summary(o: OrderRow, items: OrderItemRow[], farmer: { id: number; name: string; village: string }): OrderSummaryDto {
  return {
    id: o.id,
    orderNo: o.orderNo,
    checkoutId: o.checkoutId,
    status: o.status,
    farmer,
    items: items.map(itemDto),
    itemsFen: o.itemsFen,
    shippingFen: o.shippingFen,
    totalFen: o.totalFen,
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    createdAt: o.createdAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
  }
}

type FarmerRef = { id: number; name: string; village: string }

/** Summaries from rows already at hand; each order's items in id order, as `itemsOf` reads them. */
export function summariesOf(rows: OrderRow[], items: OrderItemRow[], farmers: Map<number, FarmerRef>): OrderSummaryDto[] {
  const sorted = [...items].sort((a, b) => a.id - b.id)
  return rows.map((o) => summary(o, sorted.filter((i) => i.orderId === o.id), farmers.get(o.farmerId)!))
}

/** Summaries of several orders with two more queries (items, farmers), not one per order. */
export async function toSummaries(db: Executor, rows: OrderRow[]): Promise<OrderSummaryDto[]> {
  const [items, farmers] = await Promise.all([itemsOf(db, rows.map((r) => r.id)), farmersByIds(db, [...new Set(rows.map((r) => r.farmerId))])])
  return summariesOf(rows, items, farmers)
}

/** Every refund of an order, oldest first, as the buyer reads it; payments owns refunds and answers it. */
export type RefundLookup = (db: Executor, orderId: number) => Promise<OrderRefundDto[]>

type TimelineEntry = OrderDetailDto['events'][number]

/**
 * The refunds' own steps on the order's timeline (the refund ledger is payments', so they are
 * not order_events rows): sent to WeChat Pay, and back with the buyer. The status stays.
 */
export function refundSteps(refunds: readonly OrderRefundDto[], status: OrderRow['status']): TimelineEntry[] {
  const step = (event: string, reason: string, at: string): TimelineEntry => ({ fromStatus: status, toStatus: status, actor: 'wechat_pay', reason, event, at })
  return refunds.flatMap((r) => {
    const what = `${REFUND_KIND_LABELS[r.kind]} ${formatFen(r.amountFen)}`
    const sent = step('refund.requested', `${what}：已提交微信支付`, r.createdAt)
    return r.succeededAt ? [sent, step('refund.succeeded', `${what}：已原路退回`, r.succeededAt)] : [sent]
  })
}

export async function toDetail(db: Executor, order: OrderRow, refundsOf: RefundLookup): Promise<OrderDetailDto> {
  const [[base], events, refunds, coop] = await Promise.all([toSummaries(db, [order]), eventsOf(db, order.id), refundsOf(db, order.id), cooperativeOfFarmer(db, order.farmerId)])
  const latest = refunds.at(-1)
  const { postalCode: _postalCode, ...address } = order.address
  const recorded: TimelineEntry[] = events.map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, actor: e.actor, reason: e.reason, event: e.event, at: e.createdAt.toISOString() }))
  return {
    ...base,
    address,
    note: order.note,
    // oldest first; a refund step sorts after an event of the same instant (it follows from it)
    events: [...recorded, ...refundSteps(refunds, order.status)].map((e, i) => ({ e, i })).sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i).map(({ e }) => e),
    refunds,
    refund: latest ? { status: latest.status, amountFen: latest.amountFen } : null,
    servicePhone: coop?.servicePhone ?? null,
  }
}

/** The checkout's answer around its orders' summaries (placement builds them from its own transaction). */
export function checkoutOf(checkout: CheckoutRow, orders: OrderSummaryDto[]): CheckoutDto {
  return {
    id: checkout.id,
    checkoutNo: checkout.checkoutNo,
    totalFen: checkout.totalFen,
    expiresAt: checkout.expiresAt.toISOString(),
    orders,
  }
}

export async function toCheckout(db: Executor, checkout: CheckoutRow, rows: OrderRow[]): Promise<CheckoutDto> {
  return checkoutOf(checkout, await toSummaries(db, rows))
}
