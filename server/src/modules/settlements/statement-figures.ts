/**
 * A statement's figures from a week's sales, the refunds of those sales, and the late refunds
 * landing in it (see src/domain/settlement.ts for the arithmetic and the rounding rule).
 */
import { lateRefundAdjustment, settleStatement, splitRefund, type StatementFigures } from '@domain/settlement'
import { compareWeeks, isoWeekOf, nextWeek } from '@domain/weeks'
import type { StatementDto } from '@contracts/coop'
import type { LateRefundRow, SettlementRow } from './settlement-repository'

export interface WeekSales {
  orders: number
  grossFen: number
  shippingFen: number
  /** What the week's succeeded sale refunds, not yet taken by a statement, gave back. */
  refundGoodsFen: number
  refundShippingFen: number
}

export const NO_SALES: WeekSales = { orders: 0, grossFen: 0, shippingFen: 0, refundGoodsFen: 0, refundShippingFen: 0 }

/**
 * Where a late refund lands: the first week after its sale week — and not before the week it
 * was refunded in — that this farmer has not confirmed yet.
 */
export function landingWeek(saleWeek: string, succeededAt: Date | null, now: Date, isConfirmed: (week: string) => boolean): string {
  let week = nextWeek(saleWeek)
  const refundWeek = isoWeekOf(succeededAt ?? now)
  if (compareWeeks(refundWeek, week) > 0) week = refundWeek
  while (isConfirmed(week)) week = nextWeek(week)
  return week
}

export function adjustmentOf(r: LateRefundRow): number {
  const { goodsFen, shippingFen } = splitRefund(r.amountFen, r.itemsFen)
  return lateRefundAdjustment(goodsFen, shippingFen, r.commissionBps)
}

export function draftFigures(sales: WeekSales, late: readonly LateRefundRow[], commissionBps: number): StatementFigures {
  return settleStatement({
    grossFen: sales.grossFen,
    refundsFen: sales.refundGoodsFen,
    shippingFen: sales.shippingFen - sales.refundShippingFen,
    adjustmentsFen: late.reduce((sum, r) => sum + adjustmentOf(r), 0),
    commissionBps,
  })
}

export interface FarmerLabel {
  farmerId: number
  name: string
  village: string
}

export function draftDto(farmer: FarmerLabel, week: string, sales: WeekSales, figures: StatementFigures, late: readonly LateRefundRow[]): StatementDto {
  return {
    farmerId: farmer.farmerId,
    farmerName: farmer.name,
    village: farmer.village,
    week,
    status: 'draft',
    orders: sales.orders,
    ...pick(figures),
    paymentRef: null,
    confirmedAt: null,
    paidAt: null,
    adjustments: late.map((r) => ({ orderNo: r.orderNo, saleWeek: r.saleWeek, refundedAt: r.succeededAt?.toISOString() ?? null, adjustmentFen: adjustmentOf(r) })),
  }
}

export interface CarriedAdjustment {
  orderNo: string
  saleWeek: string
  succeededAt: Date | null
  adjustmentFen: number
}

export function storedDto(farmer: FarmerLabel, row: SettlementRow, orders: number, carried: readonly CarriedAdjustment[]): StatementDto {
  return {
    farmerId: farmer.farmerId,
    farmerName: farmer.name,
    village: farmer.village,
    week: row.week,
    status: row.status,
    orders,
    ...pick(row),
    paymentRef: row.paymentRef,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null,
    adjustments: carried.map((c) => ({ orderNo: c.orderNo, saleWeek: c.saleWeek, refundedAt: c.succeededAt?.toISOString() ?? null, adjustmentFen: c.adjustmentFen })),
  }
}

function pick(f: StatementFigures | SettlementRow) {
  return {
    grossFen: f.grossFen,
    refundsFen: f.refundsFen,
    commissionBps: f.commissionBps,
    commissionFen: f.commissionFen,
    shippingFen: f.shippingFen,
    adjustmentsFen: f.adjustmentsFen,
    netFen: f.netFen,
  }
}
