/**
 * A week's succeeded sale refunds for the cooperative, by kind and with the share the cooperative
 * bears: the figures the weekly report shows beside the statements, read by the same query and
 * split by the same rule, so both count each refund in the China week it succeeded.
 */
import { refundsByKind, type RefundsOfKind } from '@domain/settlement'
import { weekRange } from '@domain/weeks'
import type { CooperativeRefundsDto } from '@contracts/coop'
import type { Executor } from '../../db/client'
import { refundsSucceeded, type SaleRefund } from './settlement-repository'
import { cooperativeRefunds } from './statement-figures'

export interface WeekRefunds {
  /** Every sale refund that succeeded in the week, whoever bears it. */
  byKind: RefundsOfKind[]
  /** Those the cooperative bears. */
  cooperative: CooperativeRefundsDto
}

export async function weekRefunds(db: Executor, cooperativeId: number, week: string): Promise<WeekRefunds> {
  const { start, end } = weekRange(week)
  const refunds = await refundsSucceeded(db, { cooperativeId }, start, end)
  return { byKind: refundsByKind(refunds), cooperative: cooperativeRefunds(refunds) }
}

/**
 * Every sale refund of the cooperative that succeeded in [start, end), whoever bears it, with its
 * goods/shipping split and its order's sale day: for reports over other periods (the registry
 * report's month or year) that count refunds by the same rule as the statements.
 */
export async function refundsBetween(db: Executor, cooperativeId: number, start: Date, end: Date): Promise<SaleRefund[]> {
  return refundsSucceeded(db, { cooperativeId }, start, end)
}
