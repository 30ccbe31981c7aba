/**
 * Income reaching registered households, and the registry report (week / month / year) the
 * county checks, as JSON and as the xlsx export.
 *
 * The attribution rule (the one set of figures; the impact report uses `registeredIncome` too):
 * - A sale counts as income reaching a registered household when the farmer's household status
 *   ON THE CHINA DAY OF THE SALE (the day it was paid) is in COUNTING_STATUSES (在册, 监测户).
 * - Income = goods sold (gross, shipping excluded) minus the goods part of the sale refunds the
 *   FARMER bore (a refund the cooperative bears is the cooperative's cost, not the household's).
 * - A refund counts in the period it SUCCEEDED (the statements' rule), and it reduces registered
 *   income only if its order's sale day had a counting status: refunds follow their sale.
 * - 斤 = weight sold / 500 g (refunds leave quantities as sold); households = farmers with any
 *   counted sale or refund in the period; villages are the farmer's village.
 * Sales come from the daily rollup matched to household periods by day range; refunds from the
 * settlements module's own read (refundsBetween).
 */
import { countsAsRegistered, maskRegistryNo, statusOn } from '@domain/households'
import { asOfDay, currentPeriod, periodRange, type PeriodKind, type PeriodRange } from '@domain/periods'
import { GRAMS_PER_JIN } from '@domain/units'
import type { RegistryReportDto } from '@contracts/households'
import type { Db, Executor } from '../../db/client'
import { AppError } from '../../http/errors'
import { coopInfo, farmersOf } from '../members'
import { refundsBetween } from '../settlements'
import { recordAudit } from './registry-audit'
import { countyOf, onRegisterDuring, periodsOfCooperative, salesByFarmerWeek, userName, type HouseholdPeriodRow } from './registry-report-repository'
import { registryXlsx, type HouseholdLine, type RegistryReportData } from './registry-report-xlsx'

export interface IncomeSums {
  orders: number
  weightG: number
  grossFen: number
  /** Goods refunded, borne by the farmer. */
  refundsFen: number
}

/** One farmer's income of one ISO week: everything, and what reached a registered household. */
export interface FarmerWeekIncome {
  farmerId: number
  week: string
  all: IncomeSums
  registered: IncomeSums
}

const NONE: IncomeSums = { orders: 0, weightG: 0, grossFen: 0, refundsFen: 0 }
const plus = (a: IncomeSums, b: Partial<IncomeSums>): IncomeSums => ({
  orders: a.orders + (b.orders ?? 0),
  weightG: a.weightG + (b.weightG ?? 0),
  grossFen: a.grossFen + (b.grossFen ?? 0),
  refundsFen: a.refundsFen + (b.refundsFen ?? 0),
})

/** Per farmer and ISO week, the income of `range` by the attribution rule above (sales of its days, refunds that succeeded in it). */
export async function registeredIncome(db: Executor, cooperativeId: number, range: PeriodRange, periods?: readonly HouseholdPeriodRow[]): Promise<FarmerWeekIncome[]> {
  const [sales, refunds, history] = await Promise.all([
    salesByFarmerWeek(db, cooperativeId, range.from, range.to),
    refundsBetween(db, cooperativeId, range.start, range.end),
    periods ?? periodsOfCooperative(db, cooperativeId),
  ])
  const periodsOf = byFarmer(history)
  const out = new Map<string, FarmerWeekIncome>()
  const entry = (farmerId: number, week: string) => {
    const key = `${farmerId}:${week}`
    const found = out.get(key) ?? { farmerId, week, all: NONE, registered: NONE }
    out.set(key, found)
    return found
  }
  for (const s of sales) {
    const e = entry(s.farmerId, s.week)
    e.all = plus(e.all, s.all)
    e.registered = plus(e.registered, s.registered)
  }
  for (const r of refunds) {
    if (r.borneBy !== 'farmer') continue
    const e = entry(r.farmerId, r.week)
    e.all = plus(e.all, { refundsFen: r.goodsFen })
    if (countsAsRegistered(statusOn(periodsOf.get(r.farmerId) ?? [], r.saleDay))) e.registered = plus(e.registered, { refundsFen: r.goodsFen })
  }
  return [...out.values()]
}

/** The periods by farmer (oldest first each, as periodsOfCooperative reads them). */
function byFarmer(all: readonly HouseholdPeriodRow[]): Map<number, HouseholdPeriodRow[]> {
  const out = new Map<number, HouseholdPeriodRow[]>()
  for (const p of all) out.set(p.farmerId, [...(out.get(p.farmerId) ?? []), p])
  return out
}

/** The report's figures from summed income. */
export function figuresOf(s: IncomeSums) {
  return { incomeFen: s.grossFen - s.refundsFen, grossFen: s.grossFen, refundsFen: s.refundsFen, orders: s.orders, jin: Math.round((s.weightG * 10) / GRAMS_PER_JIN) / 10 }
}

const counted = (s: IncomeSums) => s.orders > 0 || s.grossFen > 0 || s.refundsFen > 0

/** The newest period carrying a registry number (else the newest): the number and head name the report prints. */
function identity(periods: readonly HouseholdPeriodRow[]): { registryNo: string | null; headName: string } {
  const withNo = periods.filter((p) => p.registryNo !== null)
  const p = withNo[withNo.length - 1] ?? periods[periods.length - 1]
  return { registryNo: p?.registryNo ?? null, headName: p?.headName ?? '' }
}

export function createRegistryReportService({ db, clock }: { db: Db; clock: () => Date }) {
  async function build(cooperativeId: number, period: PeriodKind, asked?: string): Promise<RegistryReportData> {
    const now = clock()
    const at = asked ?? currentPeriod(period, now)
    const range = periodRange(period, at)
    if (!range) throw new AppError('INVALID_PERIOD', `${at} is not a ${period} like ${currentPeriod(period, now)}`)
    const periods = await periodsOfCooperative(db, cooperativeId)
    const [cooperative, county, farmers, income] = await Promise.all([coopInfo(db, cooperativeId), countyOf(db, cooperativeId), farmersOf(db, cooperativeId, asOfDay(range, now)), registeredIncome(db, cooperativeId, range, periods)])
    const sums = new Map<number, IncomeSums>()
    for (const i of income) sums.set(i.farmerId, plus(sums.get(i.farmerId) ?? NONE, i.registered))
    // Every household on the register (a counting status) on some day of the period, and any with counted figures.
    const shown = onRegisterDuring(periods, range.from, range.to)
    for (const [id, s] of sums) if (counted(s)) shown.add(id)
    const statusDay = asOfDay(range, now)
    const periodsOf = byFarmer(periods)
    const lines = [...shown].map((farmerId) => {
      const own = periodsOf.get(farmerId) ?? []
      const f = farmers.get(farmerId)
      return { farmerId, name: f?.name ?? '', village: f?.village ?? '', ...identity(own), status: statusOn(own, statusDay), sums: sums.get(farmerId) ?? NONE }
    })
    lines.sort((a, b) => a.village.localeCompare(b.village, 'zh') || (a.registryNo ?? '\uffff').localeCompare(b.registryNo ?? '\uffff') || a.name.localeCompare(b.name, 'zh'))
    const villages = new Map<string, { households: number; sums: IncomeSums }>()
    let total = { households: 0, sums: NONE }
    for (const l of lines) {
      const v = villages.get(l.village) ?? { households: 0, sums: NONE }
      const n = counted(l.sums) ? 1 : 0
      villages.set(l.village, { households: v.households + n, sums: plus(v.sums, l.sums) })
      total = { households: total.households + n, sums: plus(total.sums, l.sums) }
    }
    return {
      period,
      at,
      from: range.from,
      to: range.to,
      cooperative: { id: cooperative.id, name: cooperative.name, county },
      totals: { households: total.households, ...figuresOf(total.sums) },
      byVillage: [...villages].map(([village, v]) => ({ village, households: v.households, ...figuresOf(v.sums) })),
      byHousehold: lines.map(({ sums: s, ...l }): HouseholdLine => ({ ...l, ...figuresOf(s) })),
    }
  }

  return {
    /** The report as the page shows it: registry numbers masked. */
    async report(cooperativeId: number, period: PeriodKind, at?: string): Promise<RegistryReportDto> {
      const data = await build(cooperativeId, period, at)
      return {
        ...data,
        byHousehold: data.byHousehold.map(({ registryNo, headName: _head, ...l }) => ({ ...l, registryNoMasked: registryNo === null ? null : maskRegistryNo(registryNo) })),
      }
    },

    /** The same figures as an xlsx with full registry numbers, titled with who exported it and when; written to the audit log. */
    async export(admin: { cooperativeId: number; userId: number }, period: PeriodKind, at?: string): Promise<{ data: RegistryReportData; body: Buffer }> {
      const data = await build(admin.cooperativeId, period, at)
      const exportedAt = clock()
      const body = await registryXlsx(data, { by: await userName(db, admin.userId), at: exportedAt })
      await recordAudit(db, { cooperativeId: admin.cooperativeId, userId: admin.userId, action: 'export', detail: { period, at: data.at }, rows: data.totals.households, at: exportedAt })
      return { data, body }
    },
  }
}

export type RegistryReportService = ReturnType<typeof createRegistryReportService>
