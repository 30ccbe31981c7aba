/** Order rows → the farmer's order shape (items, full delivery address, WeChat sync state). */
import type { FarmerOrderDto, FarmerOrderStatusDto } from '@contracts/fulfilment'
import type { Executor } from '../../db/client'
import { itemDto } from '../orders'
import { itemsOf, type OrderRow } from '../orders'
import { syncStates } from './farmer-order-repository'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** Farmer orders with two more queries (items, sync states), not one per order. */
export async function toFarmerOrders(db: Executor, rows: OrderRow[]): Promise<FarmerOrderDto[]> {
  const ids = rows.map((r) => r.id)
  const [items, sync] = await Promise.all([itemsOf(db, ids), syncStates(db, ids)])
  return rows.map((o) => {
    const a = o.address
    return {
      id: o.id,
      orderNo: o.orderNo,
      status: o.status as FarmerOrderStatusDto,
      items: items.filter((i) => i.orderId === o.id).map(itemDto),
      address: {
        name: a.name,
        phone: a.phone,
        full: [a.province, a.city, a.district, a.detail].filter((p, i, all) => p && all.indexOf(p) === i).join(' '),
        postalCode: a.postalCode ?? null,
      },
      note: o.note,
      itemsFen: o.itemsFen,
      shippingFen: o.shippingFen,
      totalFen: o.totalFen,
      createdAt: o.createdAt.toISOString(),
      paidAt: iso(o.paidAt),
      shippedAt: iso(o.shippedAt),
      carrier: o.carrier,
      trackingNo: o.trackingNo,
      wechatSync: sync.get(o.id) ?? null,
    }
  })
}
