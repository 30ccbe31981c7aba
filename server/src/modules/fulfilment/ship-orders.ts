/**
 * A farmer ships one or several orders. Each order is its own transaction: lock it, make the
 * `ship` transition (carrier and tracking number), schedule the automatic receipt, and record the
 * WeChat work as durable jobs (shipping-info upload, "shipped" message) in that same transaction.
 * One order's problem (not paid, someone else's, changed meanwhile) rolls back only that order,
 * so the others still ship, and the locks are held for one order at a time.
 */
import type { ShipOutcomeDto } from '@contracts/fulfilment'
import { courierName } from '@domain/couriers'
import { actionsFor } from '@domain/order-states'
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { AppError, notFound } from '../../http/errors'
import { enqueue } from '../../jobs/job-queue'
import { applyTransition, findOrder, scheduleAutoConfirm, type OrderRow } from '../orders'
import { createPendingUpload } from './shipping-upload-repository'

export const UPLOAD_SHIPPING_INFO_JOB = 'upload_shipping_info'
export const SEND_SHIPPED_MESSAGE_JOB = 'send_shipped_message'

export interface ShipLine {
  orderId: number
  carrier: string
  trackingNo: string
}

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

async function shipOne(db: Db, by: Shipper, line: ShipLine, at: Date): Promise<ShipOutcomeDto> {
  let seen: OrderRow | null = null
  try {
    const shipped = await inTransaction(db, async (tx) => {
      const order = await findOrder(tx, line.orderId, true)
      if (!order || order.farmerId !== by.farmerId) throw notFound('Order')
      seen = order
      // The same request again (a retried tap on a bad network): already done, nothing changes.
      if (order.status === 'shipped' && order.carrier === line.carrier && order.trackingNo === line.trackingNo) return order
      if (!actionsFor(order.status, 'farmer').includes('ship')) throw new AppError('ORDER_NOT_SHIPPABLE', `An order that is ${order.status} cannot be shipped`)
      const updated = await applyTransition(tx, order, {
        action: 'ship',
        actor: 'farmer',
        actorUserId: by.userId,
        reason: `农户发货：${courierName(line.carrier)} ${line.trackingNo}`,
        at,
        set: { carrier: line.carrier, trackingNo: line.trackingNo },
      })
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
