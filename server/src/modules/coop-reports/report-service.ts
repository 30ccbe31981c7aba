/**
 * The weekly report, assembled from the weekly rollups (the week's refunds by kind, and the
 * cooperative's share, come from the settlements' own read, so they are counted in the week they
 * succeeded, as in the statements), and the impact report on registered households, whose
 * figures are the registry report's (households' `registeredIncome`).
 */
import type { Db } from '../../db/client'
import { asOfDay, periodRange, spanRange } from '@domain/periods'
import { lastNWeeks, weekRange } from '@domain/weeks'
import { gramsToKg } from '@domain/units'
import type { FarmerSalesDto, ImpactReportDto, ProductSalesDto, TrendPointDto, WeekTotalsDto, WeeklyReportDto } from '@contracts/coop'
import { coopInfo, farmersOf, weekOrCurrent } from '../members'
import { onRegisterDuring, periodsOfCooperative, registeredIncome, type IncomeSums } from '../households'
import type { Sums } from '../sales-rollup'
import { weekRefunds } from '../settlements'
import { add, byGross, change, money, sharePct, totals, ZERO } from './report-figures'
import { buyersPerWeek, provinceWeek, specWeeks, unitsOfWeek, weekTotals, type SpecWeek } from './report-repository'

const TREND_WEEKS = 8

export function createReportService({ db, clock }: { db: Db; clock: () => Date }) {
  return {
    async weekly(cooperativeId: number, asked?: string): Promise<WeeklyReportDto> {
      const now = clock()
      const week = weekOrCurrent(asked, now)
      const weeks = lastNWeeks(week, TREND_WEEKS)
      const previous = weeks[TREND_WEEKS - 2]
      const [cooperative, mine, previousUnits, perWeek, provinces, buyers, farmers, refunds] = await Promise.all([
        coopInfo(db, cooperativeId),
        specWeeks(db, cooperativeId, [week]),
        unitsOfWeek(db, cooperativeId, previous),
        weekTotals(db, cooperativeId, weeks),
        provinceWeek(db, cooperativeId, week),
        buyersPerWeek(db, cooperativeId, weeks),
        farmersOf(db, cooperativeId, asOfDay(periodRange('week', week)!, now)),
        weekRefunds(db, cooperativeId, week),
      ])
      const byUnit = new Map<SpecWeek['unit'], number>()
      for (const s of mine) byUnit.set(s.unit, (byUnit.get(s.unit) ?? 0) + s.quantity)
      const units = [...byUnit].sort(([a], [b]) => a.localeCompare(b)).map(([unit, quantity]) => ({ unit, quantity }))
      const cur: WeekTotalsDto = totals(perWeek.get(week) ?? ZERO, buyers.get(week) ?? 0, units)
      const prev: WeekTotalsDto = totals(perWeek.get(previous) ?? ZERO, buyers.get(previous) ?? 0, previousUnits)
      const trend: TrendPointDto[] = weeks.map((w) => {
        const s = perWeek.get(w) ?? ZERO
        return { week: w, orders: s.orders, buyers: buyers.get(w) ?? 0, weightKg: gramsToKg(s.weightG), ...money(s) }
      })
      const { start, end } = weekRange(week)
      return {
        week,
        start: start.toISOString(),
        end: end.toISOString(),
        inProgress: start <= now && now < end,
        cooperative,
        totals: cur,
        previous: { week: previous, totals: prev },
        change: change(cur, prev),
        byFarmer: groupFarmers(mine, farmers),
        byProduct: groupProducts(mine),
        byProvince: provinces.map((p) => ({ province: p.province, orders: p.orders, weightKg: gramsToKg(p.weightG), ...money(p) })).sort(byGross((p) => p.province)),
        trend,
        refundsByKind: refunds.byKind,
        cooperativeRefunds: refunds.cooperative,
      }
    },

    /**
     * Income reaching registered households by the registry report's rule (households'
     * `registeredIncome`: the status on the China day of each sale; goods sold minus the refunds
     * the farmer bore, each refund in the week it succeeded, counted if its sale counted), beside
     * every member's income by the same rule, over the eight weeks ending with `asked`.
     */
    async impact(cooperativeId: number, asked?: string): Promise<ImpactReportDto> {
      const now = clock()
      const week = weekOrCurrent(asked, now)
      const weeks = lastNWeeks(week, TREND_WEEKS)
      const current = periodRange('week', week)!
      const eightWeeks = spanRange(periodRange('week', weeks[0])!, current)
      // The household periods once, for the income and both head counts.
      const periods = await periodsOfCooperative(db, cooperativeId)
      const [cooperative, farmers, income] = await Promise.all([
        coopInfo(db, cooperativeId),
        farmersOf(db, cooperativeId, asOfDay(current, now)),
        registeredIncome(db, cooperativeId, eightWeeks, periods),
      ])
      const onRegister = onRegisterDuring(periods, current.from, current.to)
      const onRegisterAny = onRegisterDuring(periods, eightWeeks.from, eightWeeks.to)
      const index = new Map(weeks.map((w, i) => [w, i]))
      const poorNet = new Array<number>(TREND_WEEKS).fill(0)
      const coopNet = new Array<number>(TREND_WEEKS).fill(0)
      const perFarmer = new Map<number, { week: IncomeSums; eightWeekNetFen: number }>()
      for (const s of income) {
        const i = index.get(s.week)
        if (i === undefined) continue
        coopNet[i] += s.all.grossFen - s.all.refundsFen
        const net = s.registered.grossFen - s.registered.refundsFen
        poorNet[i] += net
        if (s.registered.orders === 0 && s.registered.grossFen === 0 && s.registered.refundsFen === 0) continue
        const entry = perFarmer.get(s.farmerId) ?? { week: NO_INCOME, eightWeekNetFen: 0 }
        entry.eightWeekNetFen += net
        if (s.week === week) entry.week = s.registered
        perFarmer.set(s.farmerId, entry)
      }
      const trend = weeks.map((w, i) => ({ week: w, poorNetFen: poorNet[i], coopNetFen: coopNet[i], sharePct: sharePct(poorNet[i], coopNet[i]) }))
      const rows = [...new Set([...onRegisterAny, ...perFarmer.keys()])]
        .map((farmerId) => {
          const f = farmers.get(farmerId)
          const { week: w, eightWeekNetFen } = perFarmer.get(farmerId) ?? { week: NO_INCOME, eightWeekNetFen: 0 }
          return { farmerId, name: f?.name ?? '', village: f?.village ?? '', active: f?.active ?? false, orders: w.orders, grossFen: w.grossFen, refundsFen: w.refundsFen, netFen: w.grossFen - w.refundsFen, eightWeekNetFen }
        })
        .sort((a, b) => b.netFen - a.netFen || b.eightWeekNetFen - a.eightWeekNetFen || a.name.localeCompare(b.name))
      return {
        week,
        cooperative,
        poorHouseholds: onRegister.size,
        poorHouseholdsSelling: rows.filter((r) => r.orders > 0).length,
        current: trend[TREND_WEEKS - 1],
        trend,
        farmers: rows,
      }
    },
  }
}

const NO_INCOME: IncomeSums = { orders: 0, weightG: 0, grossFen: 0, refundsFen: 0 }

export type ReportService = ReturnType<typeof createReportService>

function groupFarmers(rows: readonly SpecWeek[], farmers: Map<number, { name: string; village: string; isPoorHousehold: boolean }>): FarmerSalesDto[] {
  const sums = new Map<number, Sums>()
  for (const r of rows) sums.set(r.farmerId, add(sums.get(r.farmerId) ?? ZERO, r))
  return [...sums]
    .map(([farmerId, s]) => {
      const f = farmers.get(farmerId)
      return { farmerId, name: f?.name ?? '', village: f?.village ?? '', isPoorHousehold: f?.isPoorHousehold ?? false, orders: s.orders, weightKg: gramsToKg(s.weightG), ...money(s) }
    })
    .sort(byGross((f) => f.name))
}

function groupProducts(rows: readonly SpecWeek[]): ProductSalesDto[] {
  const products = new Map<number, ProductSalesDto & { sums: Sums }>()
  for (const r of rows) {
    const p = products.get(r.productId) ?? { productId: r.productId, title: r.title, farmerName: r.farmerName, weightKg: 0, grossFen: 0, refundsFen: 0, netFen: 0, specs: [], sums: ZERO }
    p.sums = add(p.sums, r)
    p.specs.push({ specId: r.specId, name: r.name, unit: r.unit, quantity: r.quantity, weightKg: gramsToKg(r.weightG), ...money(r) })
    products.set(r.productId, p)
  }
  return [...products.values()]
    .map(({ sums, ...p }) => ({ ...p, weightKg: gramsToKg(sums.weightG), ...money(sums), specs: p.specs.sort(byGross((x) => x.name)) }))
    .sort(byGross((p) => p.title))
}
