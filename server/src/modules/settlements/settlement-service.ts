/**
 * Weekly statements: drafts computed live for every member with sales or refunds in the week,
 * confirmed ones frozen as stored, paid ones with their transfer reference. One rule for the
 * week a refund counts in, the same as the cooperative's weekly report (REFUND_WEEK_RULE): the
 * China week it succeeded in, whichever week its order was sold in. Only a finished week can be
 * confirmed and a refund succeeds at our clock, so a refund never succeeds inside a confirmed
 * week; one that somehow missed its week (old data) lands in the farmer's first unconfirmed week
 * after it. A confirmed statement never changes, and each refund is taken at most once
 * (settlement_refunds). Refunds the cooperative bears are in no statement: the week's list shows them.
 */
import type { Db, Executor } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { AppError, notFound } from '../../http/errors'
import { chinaDate } from '@domain/china-time'
import { compareWeeks, currentWeek, lastNWeeks, weekRange } from '@domain/weeks'
import type { FarmerStatementsDto, StatementDto, StatementListDto } from '@contracts/coop'
import { coopInfo, farmerOfUser, farmersOf, ownFarmer, weekOrCurrent, type CoopAdmin } from '../members'
import * as repo from './settlement-repository'
import { cooperativeRefunds, draftDto, draftFigures, landingWeek, NO_SALES, storedDto, type FarmerLabel, type Taken } from './statement-figures'

/**
 * Everything a week's statements are made of, for one farmer or the whole cooperative. Inside a
 * transaction the queries run one after another; on the pool they run side by side.
 */
async function weekView(db: Executor, scope: repo.Scope, week: string, inTransaction: boolean) {
  const { start, end } = weekRange(week)
  const queries = [
    () => repo.storedOfWeek(db, scope, week),
    () => repo.salesOfWeek(db, scope, start, end),
    () => repo.refundsSucceeded(db, scope, start, end),
    () => repo.lateRefunds(db, scope),
  ] as const
  const [stored, sales, succeeded, late] = inTransaction
    ? [await queries[0](), await queries[1](), await queries[2](), await queries[3]()]
    : await Promise.all([queries[0](), queries[1](), queries[2](), queries[3]()])
  let lateHere: repo.SaleRefund[] = []
  if (late.length > 0) {
    const from = late.map((r) => r.week).sort(compareWeeks)[0]
    const confirmed = await repo.confirmedWeeks(db, [...new Set(late.map((r) => r.farmerId))], from)
    lateHere = late.filter((r) => landingWeek(r.week, (w) => confirmed.has(`${r.farmerId}:${w}`)) === week)
  }
  const storedFarmers = new Set(stored.map((s) => s.farmerId))
  // What the drafts take: the farmer's refunds of the week no statement took, and late ones landing here.
  const open = [...succeeded.filter((r) => r.borneBy === 'farmer' && !r.taken), ...lateHere].filter((r) => !storedFarmers.has(r.farmerId))
  return { stored, sales, open, cooperative: cooperativeRefunds(succeeded), taken: await takenBy(db, stored) }
}

type WeekView = Awaited<ReturnType<typeof weekView>>

/** What each stored statement took, by its id. */
async function takenBy(db: Executor, stored: readonly repo.SettlementRow[]): Promise<Map<number, Taken>> {
  const ids = stored.map((s) => s.id)
  const [refunds, carried] = [await repo.takenRefunds(db, ids), await repo.carriedAdjustments(db, ids)]
  return new Map(ids.map((id) => [id, { refunds: refunds.filter((r) => r.settlementId === id), carried: carried.filter((c) => c.settlementId === id) }]))
}

const NOTHING_TAKEN: Taken = { refunds: [], carried: [] }

function statementsOf(view: WeekView, week: string, labels: Map<number, FarmerLabel>, commissionBps: number): StatementDto[] {
  const label = (id: number): FarmerLabel => labels.get(id) ?? { farmerId: id, name: '', village: '' }
  const out = view.stored.map((row) => storedDto(label(row.farmerId), row, view.sales.get(row.farmerId)?.orders ?? 0, view.taken.get(row.id) ?? NOTHING_TAKEN))
  const storedIds = new Set(view.stored.map((s) => s.farmerId))
  const draftIds = new Set([...view.sales.keys(), ...view.open.map((r) => r.farmerId)].filter((id) => !storedIds.has(id)))
  for (const id of draftIds) {
    const sales = view.sales.get(id) ?? NO_SALES
    const refunds = view.open.filter((r) => r.farmerId === id)
    out.push(draftDto(label(id), week, sales, draftFigures(sales, refunds, commissionBps), refunds))
  }
  return out.sort((a, b) => a.farmerId - b.farmerId)
}

export function createSettlementService({ db, clock }: { db: Db; clock: () => Date }) {
  return {
    async list(cooperativeId: number, asked?: string): Promise<StatementListDto> {
      const now = clock()
      const week = weekOrCurrent(asked, now)
      const [cooperative, labels, view] = await Promise.all([coopInfo(db, cooperativeId), farmersOf(db, cooperativeId, chinaDate(now)), weekView(db, { cooperativeId }, week, false)])
      const statements = statementsOf(view, week, labels, cooperative.commissionBps)
      const sum = (k: 'grossFen' | 'refundsFen' | 'commissionFen' | 'shippingFen' | 'adjustmentsFen' | 'netFen') => statements.reduce((s, x) => s + x[k], 0)
      return {
        week,
        weekOver: weekRange(week).end <= now,
        cooperative,
        statements,
        totals: { grossFen: sum('grossFen'), refundsFen: sum('refundsFen'), commissionFen: sum('commissionFen'), shippingFen: sum('shippingFen'), adjustmentsFen: sum('adjustmentsFen'), netFen: sum('netFen') },
        cooperativeRefunds: view.cooperative,
      }
    },

    /** Freezes a farmer's statement for a finished week; confirming again returns it unchanged. */
    async confirm(admin: CoopAdmin, farmerId: number, asked: string): Promise<StatementDto> {
      const now = clock()
      const week = weekOrCurrent(asked, now)
      return inTransaction(db, async (tx) => {
        // The farmer's row lock serialises confirmations of this farmer: a refund is taken once.
        const farmer = await ownFarmer(tx, admin.cooperativeId, farmerId, true)
        if (weekRange(week).end > now) throw new AppError('WEEK_NOT_OVER', `${week} is not over yet; a statement is confirmed after its week ends`)
        const view = await weekView(tx, { cooperativeId: admin.cooperativeId, farmerId }, week, true)
        const label = { farmerId, name: farmer.name, village: farmer.village }
        const sales = view.sales.get(farmerId) ?? NO_SALES
        if (view.stored.length > 0) return storedDto(label, view.stored[0], sales.orders, view.taken.get(view.stored[0].id) ?? NOTHING_TAKEN)
        if (sales.orders === 0 && view.open.length === 0) throw new AppError('NOTHING_TO_SETTLE', `${farmer.name} has nothing to settle in ${week}`)
        // The refunds taken are the ones read here, in one statement: the figures count exactly those.
        const { commissionBps } = await coopInfo(tx, admin.cooperativeId)
        const figures = draftFigures(sales, view.open, commissionBps)
        const row = await repo.insertConfirmed(tx, { cooperativeId: admin.cooperativeId, farmerId, week, status: 'confirmed', ...figures, confirmedAt: now, confirmedBy: admin.userId })
        if (!row) throw new AppError('SETTLEMENT_CHANGED', 'The statement changed meanwhile; reload it')
        await repo.insertTaken(
          tx,
          view.open.map((r) => ({ refundId: r.refundId, settlementId: row.id, farmerId, kind: 'refund' as const, goodsFen: r.goodsFen, shippingFen: r.shippingFen, adjustmentFen: 0 })),
        )
        return storedDto(label, row, sales.orders, { refunds: view.open, carried: [] })
      })
    },

    /** Records the transfer of a confirmed statement; the same reference again is a no-op. */
    async pay(admin: CoopAdmin, farmerId: number, asked: string, paymentRef: string): Promise<StatementDto> {
      const now = clock()
      const week = weekOrCurrent(asked, now)
      const ref = paymentRef.trim()
      return inTransaction(db, async (tx) => {
        const farmer = await ownFarmer(tx, admin.cooperativeId, farmerId, true)
        const scope = { cooperativeId: admin.cooperativeId, farmerId }
        const [row] = await repo.storedOfWeek(tx, scope, week)
        if (!row) throw new AppError('SETTLEMENT_NOT_CONFIRMED', 'Confirm the statement before recording its payment')
        let result = row
        if (row.status === 'paid') {
          if (row.paymentRef !== ref) throw new AppError('SETTLEMENT_ALREADY_PAID', `Already paid with reference ${row.paymentRef}`)
        } else {
          const paid = await repo.markPaid(tx, row.id, ref, now)
          if (!paid) throw new AppError('SETTLEMENT_CHANGED', 'The statement changed meanwhile; reload it')
          result = paid
        }
        const { start, end } = weekRange(week)
        const orders = (await repo.salesOfWeek(tx, scope, start, end)).get(farmerId)?.orders ?? 0
        const taken = await takenBy(tx, [row])
        return storedDto({ farmerId, name: farmer.name, village: farmer.village }, result, orders, taken.get(row.id) ?? NOTHING_TAKEN)
      })
    },

    /** A farmer's own statements: stored ones (latest 52 weeks) and drafts of the last 8 weeks. */
    async ofFarmerUser(userId: number): Promise<FarmerStatementsDto> {
      const now = clock()
      const farmer = await farmerOfUser(db, userId)
      if (!farmer) throw notFound('Farmer')
      const label = { farmerId: farmer.id, name: farmer.name, village: farmer.village }
      const { commissionBps } = await coopInfo(db, farmer.cooperativeId)
      const stored = await repo.storedOfFarmer(db, farmer.id, 52)
      const oldest = stored.length > 0 ? weekRange(stored[stored.length - 1].week).start : weekRange(lastNWeeks(currentWeek(now), 8)[0]).start
      const orders = await repo.ordersPerWeek(db, farmer.id, oldest)
      const taken = await takenBy(db, stored)
      const statements = stored.map((row) => storedDto(label, row, orders.get(row.week) ?? 0, taken.get(row.id) ?? NOTHING_TAKEN))
      const storedWeeks = new Set(stored.map((s) => s.week))
      for (const week of lastNWeeks(currentWeek(now), 8).filter((w) => !storedWeeks.has(w))) {
        const view = await weekView(db, { cooperativeId: farmer.cooperativeId, farmerId: farmer.id }, week, false)
        statements.push(...statementsOf(view, week, new Map([[farmer.id, label]]), commissionBps))
      }
      return { farmerId: farmer.id, name: farmer.name, statements: statements.sort((a, b) => compareWeeks(b.week, a.week)) }
    },
  }
}

export type SettlementService = ReturnType<typeof createSettlementService>
