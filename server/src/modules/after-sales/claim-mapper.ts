/** Claim rows → the API's Claim, with the buttons the viewer's side may press. */
import type { ClaimDto } from '@contracts/after-sales'
import { claimActionsFor, type ClaimActor } from '@domain/claim-states'
import type { Executor } from '../../db/client'
import { photoUrls } from '../media'
import { itemsOf, ordersByIds } from '../orders'
import { refundableFen, refundsOfOrders } from '../payments'
import { orderedMeasure } from './claim-lines'
import { farmersByIds, linesOf, type ClaimRow } from './claim-repository'

const iso = (d: Date) => d.toISOString()

/** Claims as `side` sees them, in the order given, with a fixed number of queries plus one per order (what is refundable). */
export async function toClaimDtos(db: Executor, rows: ClaimRow[], side: ClaimActor): Promise<ClaimDto[]> {
  if (rows.length === 0) return []
  const orderIds = [...new Set(rows.map((r) => r.orderId))]
  const [lines, items, orders, farmers, refunds, refundable] = await Promise.all([
    linesOf(db, rows.map((r) => r.id)),
    itemsOf(db, orderIds),
    ordersByIds(db, orderIds),
    farmersByIds(db, rows.map((r) => r.farmerId)),
    refundsOfOrders(db, orderIds),
    Promise.all(orderIds.map(async (id) => [id, await refundableFen(db, id)] as const)).then((pairs) => new Map(pairs)),
  ])
  const itemById = new Map(items.map((i) => [i.id, i]))
  const orderById = new Map(orders.map((o) => [o.id, o]))
  return rows.map((c) => {
    const order = orderById.get(c.orderId)!
    const farmer = farmers.get(c.farmerId)!
    const refund = refunds.find((r) => r.claimId === c.id)
    return {
      id: c.id,
      orderId: c.orderId,
      orderNo: order.orderNo,
      status: c.status,
      reason: c.reason,
      note: c.note,
      photos: c.photos.map((key) => ({ key, ...photoUrls(key) })),
      lines: lines
        .filter((l) => l.claimId === c.id)
        .map((l) => {
          const item = itemById.get(l.orderItemId)!
          return {
            orderItemId: l.orderItemId,
            title: item.title,
            specName: item.specName,
            unit: item.unit,
            quantity: item.quantity,
            measure: l.measure,
            ordered: orderedMeasure(item, l.measure),
            affected: l.affected,
            lineTotalFen: item.lineTotalFen,
            suggestedFen: l.suggestedFen,
          }
        }),
      paidFen: order.paidAt ? order.totalFen : 0,
      refundableFen: refundable.get(c.orderId) ?? 0,
      suggestedFen: c.suggestedFen,
      offeredFen: c.offeredFen,
      farmerNote: c.farmerNote,
      settledFen: c.settledFen,
      borneBy: c.borneBy,
      managerNote: c.managerNote,
      farmer: { id: farmer.id, name: farmer.name, village: farmer.village },
      farmerDeadline: iso(c.farmerDeadline),
      refund: refund ? { status: refund.status, amountFen: refund.amountFen, borneBy: refund.borneBy } : null,
      actions: claimActionsFor(c.status, side),
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
    }
  })
}
