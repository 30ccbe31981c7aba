/**
 * A statement's figures from a week's sales and the refunds it takes (see src/domain/settlement.ts
 * for the arithmetic, the rounding rule and REFUND_WEEK_RULE), and the statements as the API gives them.
 */
import { refundsByKind, settleStatement, type StatementFigures } from '@domain/settlement'
import { nextWeek } from '@domain/weeks'
import type { CooperativeRefundsDto, StatementDto } from '@contracts/coop'
import type { SaleRefund, SettlementRow } from './settlement-repository'

export interface WeekSales {
  orders: number
  grossFen: number
  shippingFen: number
}

export const NO_SALES: WeekSales = { orders: 0, grossFen: 0, shippingFen: 0 }

/**
 * Where a refund the farmer bears lands: the week it succeeded in, or — when that week is
 * already confirmed for the farmer (a confirmed statement never changes) — the first week after
 * it that the farmer has not confirmed yet.
 */
export function landingWeek(refundWeek: string, isConfirmed: (week: string) => boolean): string {
  let week = refundWeek
  while (isConfirmed(week)) week = nextWeek(week)
  return week
}

/** gross − refunds (goods), commission on that, shipping less the refunded shipping; no adjustments. */
export function draftFigures(sales: WeekSales, refunds: readonly SaleRefund[], commissionBps: number): StatementFigures {
  return settleStatement({
    grossFen: sales.grossFen,
    refundsFen: refunds.reduce((sum, r) => sum + r.goodsFen, 0),
    shippingFen: sales.shippingFen - refunds.reduce((sum, r) => sum + r.shippingFen, 0),
    adjustmentsFen: 0,
    commissionBps,
  })
}

/** The week's refunds the cooperative bears, summed and by kind. */
export function cooperativeRefunds(refunds: readonly SaleRefund[]): CooperativeRefundsDto {
  const borne = refunds.filter((r) => r.borneBy === 'cooperative')
  return {
    count: borne.length,
    goodsFen: borne.reduce((sum, r) => sum + r.goodsFen, 0),
    shippingFen: borne.reduce((sum, r) => sum + r.shippingFen, 0),
    byKind: refundsByKind(borne),
  }
}

export interface FarmerLabel {
  farmerId: number
  name: string
  village: string
}

export function draftDto(farmer: FarmerLabel, week: string, sales: WeekSales, figures: StatementFigures, refunds: readonly SaleRefund[]): StatementDto {
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
    adjustments: [],
    refundsByKind: refundsByKind(refunds),
  }
}

/** A late refund of a week confirmed under the old rule (counted by sale week), carried into a later statement. */
export interface CarriedAdjustment {
  orderNo: string
  saleWeek: string
  succeededAt: Date | null
  adjustmentFen: number
}

/** What a stored statement took: its refunds (with their kind and split) and its carried adjustments. */
export interface Taken {
  refunds: readonly Pick<SaleRefund, 'kind' | 'goodsFen' | 'shippingFen'>[]
  carried: readonly CarriedAdjustment[]
}

export function storedDto(farmer: FarmerLabel, row: SettlementRow, orders: number, taken: Taken): StatementDto {
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
    adjustments: taken.carried.map((c) => ({ orderNo: c.orderNo, saleWeek: c.saleWeek, refundedAt: c.succeededAt?.toISOString() ?? null, adjustmentFen: c.adjustmentFen })),
    refundsByKind: refundsByKind(taken.refunds),
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
