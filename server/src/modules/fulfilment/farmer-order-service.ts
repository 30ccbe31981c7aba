/** A farmer's own orders: the queue by status (to ship: oldest paid first), orders by id, shipping. */
import type { FarmerOrderDto, FarmerOrderPageDto, ShipOutcomeDto } from '@contracts/fulfilment'
import type { Db } from '../../db/client'
import { AppError, notFound } from '../../http/errors'
import { decodeKeyset, encodeKeyset } from './farmer-cursor'
import { farmerOrdersByIds, keysetOf, listFarmerOrders, type FarmerStatus } from './farmer-order-repository'
import { toFarmerOrders } from './farmer-order-mapper'
import { shipOrders, type ShipLine, type Shipper } from './ship-orders'

export interface FarmerOrderQuery {
  status?: FarmerStatus
  cursor?: string
  limit?: number
  /** "12,15,16": just these orders (the ship page), in this order. */
  ids?: string
}

export function parseIds(raw: string): number[] {
  const ids = raw.split(',').map((s) => Number(s))
  if (ids.length > 50 || ids.some((id) => !Number.isSafeInteger(id) || id < 1)) {
    throw new AppError('INVALID_IDS', 'ids must be up to 50 order ids separated by commas')
  }
  return [...new Set(ids)]
}

export function createFarmerOrderService(db: Db, clock: () => Date) {
  return {
    async list(farmerId: number, query: FarmerOrderQuery): Promise<FarmerOrderPageDto> {
      if (query.ids !== undefined) {
        const ids = parseIds(query.ids)
        const rows = await farmerOrdersByIds(db, farmerId, ids)
        // Someone else's order (or one not paid yet) is not found, as everywhere else.
        if (rows.length !== ids.length) throw notFound('Order')
        return { items: await toFarmerOrders(db, rows), nextCursor: null }
      }
      const status = query.status ?? 'paid'
      const limit = query.limit ?? 20
      const after = query.cursor ? decodeKeyset(query.cursor) : null
      const rows = await listFarmerOrders(db, farmerId, status, after, limit + 1)
      const page = rows.slice(0, limit)
      const items: FarmerOrderDto[] = await toFarmerOrders(db, page)
      return { items, nextCursor: rows.length > limit ? encodeKeyset(keysetOf(status, page[page.length - 1])) : null }
    },

    ship(by: Shipper, lines: ShipLine[]): Promise<ShipOutcomeDto[]> {
      return shipOrders(db, by, lines, clock())
    },
  }
}

export type FarmerOrderService = ReturnType<typeof createFarmerOrderService>
