/** The farmer's packing list for a day and the figures on their home page (this China week). */
import type { FarmerHomeDto, PackingListDto } from '@contracts/fulfilment'
import { chinaDate, chinaDayRange } from '@domain/china-time'
import { gramsToKg } from '@domain/units'
import { isoWeekOf, weekDays, weekRange } from '@domain/weeks'
import type { Db } from '../../db/client'
import { AppError } from '../../http/errors'
import { lowStockSpecs, packingLines, packingOrderCount, toShipCount, weekRefundedFen, weekSales } from './farmer-figures-repository'

export const LOW_STOCK_THRESHOLD = 5

/** The instant a China calendar day ends (next midnight, UTC+8); a 400 for a date that does not exist. */
export function chinaDayEnd(day: string): Date {
  const range = chinaDayRange(day)
  if (!range) throw new AppError('INVALID_DATE', `${day} is not a calendar date`)
  return range.end
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
