/** The farmer's packing list for a day and the figures on their home page (this China week). */
import type { FarmerHomeDto, PackingListDto } from '../../contracts/fulfilment'
import { chinaDate } from '../../../../src/domain/dates'
import { gramsToKg } from '../../../../src/domain/units'
import { isoWeekOf, weekDays, weekRange } from '../../../../src/domain/weeks'
import type { Db } from '../../db/client'
import { badRequest } from '../../http/errors'
import { lowStockSpecs, packingLines, packingOrderCount, toShipCount, weekRefundedFen, weekSales } from './farmer-figures-repository'

export const LOW_STOCK_THRESHOLD = 5
const DAY_MS = 24 * 60 * 60 * 1000

/** The instant a China calendar day ends (next midnight, UTC+8); a 400 for a date that does not exist. */
export function chinaDayEnd(day: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`)
  if (Number.isNaN(midnightUtc) || new Date(midnightUtc).toISOString().slice(0, 10) !== day) {
    throw badRequest('INVALID_DATE', `${day} is not a calendar date`)
  }
  return new Date(midnightUtc - 8 * 3600_000 + DAY_MS)
}

export function createFarmerFigures(db: Db, clock: () => Date) {
  return {
    async packingList(farmerId: number, date?: string): Promise<PackingListDto> {
      const day = date ?? chinaDate(clock())
      const end = chinaDayEnd(day)
      const [rows, ordersCount] = await Promise.all([packingLines(db, farmerId, day, end), packingOrderCount(db, farmerId, day, end)])
      const lines = rows.map(({ grams, ...r }) => ({ ...r, netWeightKg: gramsToKg(grams) }))
      return { date: day, ordersCount, lines, totalNetWeightKg: gramsToKg(rows.reduce((s, r) => s + r.grams, 0)) }
    },

    async home(farmerId: number): Promise<FarmerHomeDto> {
      const week = isoWeekOf(clock())
      const { start, end } = weekRange(week)
      const { first, last } = weekDays(week)
      const [sales, refunded, waiting, low] = await Promise.all([
        weekSales(db, farmerId, start, end),
        weekRefundedFen(db, farmerId, start, end),
        toShipCount(db, farmerId),
        lowStockSpecs(db, farmerId, LOW_STOCK_THRESHOLD, 20),
      ])
      return {
        week,
        weekFirstDay: first,
        weekLastDay: last,
        ordersCount: sales.ordersCount,
        revenueFen: sales.paidFen - refunded,
        quantities: sales.quantities,
        toShipCount: waiting,
        lowStock: low,
      }
    },
  }
}

export type FarmerFigures = ReturnType<typeof createFarmerFigures>
