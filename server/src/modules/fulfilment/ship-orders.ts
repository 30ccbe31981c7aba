/**
 * A farmer ships one or several orders. Each order is its own transaction: lock it, make the
 * `ship` transition (carrier and tracking number), schedule the automatic receipt, and record the
 * WeChat work as durable jobs (shipping-info upload, "shipped" message) in that same transaction.
 * Lines sold by weight may state what was packed (catch-weight): a shortfall beyond the tolerance
 * becomes one weight-adjustment refund of the order, asked for in the same transaction (the order
 * is locked first, then requestRefund locks the payment: the lock order).
 * One order's problem (not paid, someone else's, changed meanwhile) rolls back only that order,
 * so the others still ship, and the locks are held for one order at a time.
 */
import type { ShipOutcomeDto } from '@contracts/fulfilment'
import { courierName } from '@domain/couriers'
import { actionsFor } from '@domain/order-states'
import { isSoldByWeight, lineShortfallRefundFen } from '@domain/packed-weight'
import type { Executor } from '../../db/client'
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { AppError, notFound } from '../../http/errors'
import { enqueue } from '../../jobs/job-queue'
import { applyTransition, findOrder, itemsOf, scheduleAutoConfirm, setPackedWeights, type OrderItemRow, type OrderRow, type PackedWeightInput } from '../orders'
import { requestRefund } from '../payments'
import { createPendingUpload } from './shipping-upload-repository'

export const UPLOAD_SHIPPING_INFO_JOB = 'upload_shipping_info'
export const SEND_SHIPPED_MESSAGE_JOB = 'send_shipped_message'

export interface ShipLine {
  orderId: number
  carrier: string
  trackingNo: string
  /** What was packed per line sold by weight, in grams; a line left out ships as ordered. */
  packed?: PackedWeightInput[]
}

export const WEIGHT_REFUND_REASON = '实发重量不足，退差价'

export interface Shipper {
  farmerId: number
  userId: number
}

function outcome(orderId: number, order: OrderRow | null, error: AppError | null): ShipOutcomeDto {
  return {
    orderId,
    ok: error === null,
    status: order?.status ?? null,
    carrier: order?.carrier ?? null,
    trackingNo: order?.trackingNo ?? null,
    error: error ? { status: error.statusCode, code: error.code, message: error.message } : null,
  }
}

/** The packed weights, checked against the order's lines: each once, of this order, sold by weight. */
function checkPacked(items: OrderItemRow[], packed: readonly PackedWeightInput[]): Map<number, number> {
  const byId = new Map(items.map((i) => [i.id, i]))
  const weights = new Map<number, number>()
  for (const p of packed) {
    const item = byId.get(p.orderItemId)
    if (!item) throw new AppError('INVALID_PACKED_WEIGHT', `Line ${p.orderItemId} is not a line of this order`)
    if (!isSoldByWeight(item.unit)) throw new AppError('INVALID_PACKED_WEIGHT', `Line ${p.orderItemId} is sold by the ${item.unit}, not by weight`)
    if (weights.has(p.orderItemId)) throw new AppError('INVALID_PACKED_WEIGHT', `Line ${p.orderItemId} appears twice`)
    weights.set(p.orderItemId, p.packedWeightG)
  }
  return weights
}

/** Whether the lines already carry exactly these packed weights (and no others): a retried request. */
function samePacked(items: OrderItemRow[], weights: Map<number, number>): boolean {
  return items.every((i) => i.packedWeightG === (weights.get(i.id) ?? null))
}

/** Stores the packed weights and asks for the order's one weight-adjustment refund when lines came up short. */
async function settlePacked(tx: Executor, order: OrderRow, weights: Map<number, number>, at: Date): Promise<void> {
  if (weights.size === 0) return
  const lines = await setPackedWeights(tx, order.id, [...weights].map(([orderItemId, packedWeightG]) => ({ orderItemId, packedWeightG })))
  const amountFen = lines.reduce((sum, line) => sum + lineShortfallRefundFen(line), 0)
  if (amountFen === 0) return
  const refundOrder = { id: order.id, orderNo: order.orderNo, totalFen: order.totalFen }
  await requestRefund(tx, { order: refundOrder, kind: 'weight_adjustment', amountFen, reason: WEIGHT_REFUND_REASON, decidedBy: null, borneBy: 'farmer' }, at)
}

async function shipOne(db: Db, by: Shipper, line: ShipLine, at: Date): Promise<ShipOutcomeDto> {
  let seen: OrderRow | null = null
  try {
    const shipped = await inTransaction(db, async (tx) => {
      const order = await findOrder(tx, line.orderId, true)
      if (!order || order.farmerId !== by.farmerId) throw notFound('Order')
      seen = order
      const items = await itemsOf(tx, [order.id])
      const weights = checkPacked(items, line.packed ?? [])
      // The same request again (a retried tap on a bad network): already done, nothing changes.
      if (order.status === 'shipped' && order.carrier === line.carrier && order.trackingNo === line.trackingNo && samePacked(items, weights)) return order
      if (!actionsFor(order.status, 'farmer').includes('ship')) throw new AppError('ORDER_NOT_SHIPPABLE', `An order that is ${order.status} cannot be shipped`)
      const updated = await applyTransition(tx, order, {
        action: 'ship',
        actor: 'farmer',
        actorUserId: by.userId,
        reason: `农户发货：${courierName(line.carrier)} ${line.trackingNo}`,
        at,
        set: { carrier: line.carrier, trackingNo: line.trackingNo },
      })
      await settlePacked(tx, updated, weights, at)
      await scheduleAutoConfirm(tx, updated, at)
      await createPendingUpload(tx, order.id, at)
      const payload = { orderId: order.id }
      await enqueue(tx, { kind: UPLOAD_SHIPPING_INFO_JOB, dedupeKey: `shipping-info:order:${order.id}`, payload, runAt: at })
      await enqueue(tx, { kind: SEND_SHIPPED_MESSAGE_JOB, dedupeKey: `shipped-message:order:${order.id}`, payload, runAt: at })
      return updated
    })
    return outcome(line.orderId, shipped, null)
  } catch (err) {
    if (err instanceof AppError) return outcome(line.orderId, err.statusCode === 404 ? null : seen, err)
    throw err
  }
}

/** Ships each line in turn; a duplicate order id in one request is refused before anything changes. */
export async function shipOrders(db: Db, by: Shipper, lines: ShipLine[], at: Date): Promise<ShipOutcomeDto[]> {
  const ids = new Set(lines.map((l) => l.orderId))
  if (ids.size !== lines.length) throw new AppError('DUPLICATE_ORDER', 'Each order may appear once per request')
  const results: ShipOutcomeDto[] = []
  for (const line of lines) results.push(await shipOne(db, by, line, at))
  return results
}
