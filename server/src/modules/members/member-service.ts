/**
 * The cooperative's members: each farmer with their products and this week's figures (from the
 * rollup) and whether each counts as a registered household today; deactivate a member (their products leave the
 * store — the catalogue hides inactive farmers — while their orders and statements stay);
 * set the cooperative's commission.
 */
import type { Db } from '../../db/client'
import { chinaDate } from '@domain/china-time'
import { gramsToKg } from '@domain/units'
import { isCommissionBps, MAX_COMMISSION_BPS } from '@domain/settlement'
import type { MemberDto, MemberListDto } from '@contracts/coop'
import { AppError, notFound } from '../../http/errors'
import { farmerWeeks } from '../sales-rollup'
import { coopInfo, weekOrCurrent } from './coop-access'
import { membersOf, setCommission, updateFarmer } from './member-repository'

export function createMemberService({ db, clock }: { db: Db; clock: () => Date }) {
  async function members(cooperativeId: number, week: string, farmerId?: number): Promise<MemberDto[]> {
    const [rows, sums] = await Promise.all([membersOf(db, cooperativeId, chinaDate(clock()), farmerId), farmerWeeks(db, cooperativeId, [week])])
    const byFarmer = new Map(sums.map((s) => [s.farmerId, s]))
    return rows.map((m) => {
      const s = byFarmer.get(m.farmerId)
      return {
        ...m,
        week: { orders: s?.orders ?? 0, weightKg: gramsToKg(s?.weightG ?? 0), grossFen: s?.grossFen ?? 0, refundsFen: s?.refundsFen ?? 0, netFen: (s?.grossFen ?? 0) - (s?.refundsFen ?? 0) },
      }
    })
  }

  async function one(cooperativeId: number, farmerId: number): Promise<MemberDto> {
    const [member] = await members(cooperativeId, weekOrCurrent(undefined, clock()), farmerId)
    if (!member) throw notFound('Farmer')
    return member
  }

  return {
    async list(cooperativeId: number, asked?: string): Promise<MemberListDto> {
      const week = weekOrCurrent(asked, clock())
      const [cooperative, list] = await Promise.all([coopInfo(db, cooperativeId), members(cooperativeId, week)])
      return { week, cooperative, members: list }
    },

    async setActive(cooperativeId: number, farmerId: number, active: boolean): Promise<MemberDto> {
      if (!(await updateFarmer(db, cooperativeId, farmerId, { active }))) throw notFound('Farmer')
      return one(cooperativeId, farmerId)
    },

    async setCommission(cooperativeId: number, bps: number): Promise<{ commissionBps: number }> {
      if (!isCommissionBps(bps)) throw new AppError('INVALID_COMMISSION', `Commission must be 0–${MAX_COMMISSION_BPS} bps`)
      return { commissionBps: await setCommission(db, cooperativeId, bps) }
    },
  }
}

export type MemberService = ReturnType<typeof createMemberService>
