/**
 * A week's succeeded sale refunds for the cooperative, by kind and with the share the cooperative
 * bears: the figures the weekly report shows beside the statements, read by the same query and
 * split by the same rule, so both count each refund in the China week it succeeded.
 */
import { refundsByKind, type RefundsOfKind } from '@domain/settlement'
import { weekRange } from '@domain/weeks'
import type { CooperativeRefundsDto } from '@contracts/coop'
import type { Executor } from '../../db/client'
import { refundsSucceeded } from './settlement-repository'
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
