/**
 * The registry report: income reaching registered households by the status on the China day of
 * each sale (goods sold minus the refunds the farmer bore; a refund in the period it succeeded,
 * counted only if its sale counted), per week, month and year, by village and household; and
 * the impact report giving the same figures. Scenario in registry-fixtures.ts.
 */
import { maskRegistryNo } from '@domain/households'
import { addBuyer } from '../support/order-builders'
import { registryScenario, ZHANG_NO, type RegistryScenario } from './registry-fixtures'

let s: RegistryScenario

beforeAll(async () => {
  s = await registryScenario()
})
afterAll(() => s.close())

const report = (query: string) => s.t.app.inject({ method: 'GET', url: `/api/v1/coop/reports/households?${query}`, headers: s.fx.manager })
const household = (r: { byHousehold: { farmerId: number }[] }, farmerId: number) => r.byHousehold.find((h) => h.farmerId === farmerId)

describe('the registry report', () => {
  it('a household that left the register mid-month: sales before count, sales after do not; refunds follow their sale', async () => {
    const res = await report('period=month&at=2026-11')
    expect(res.statusCode).toBe(200)
    const r = res.json()
    expect(r).toMatchObject({ period: 'month', at: '2026-11', from: '2026-11-01', to: '2026-11-30', cooperative: { id: s.fx.coop.id, county: '威宁县' } })
    // 张: orders A (5980) and B (2990, his last day) count, C (the 16th) does not; A's refund of
    // 1000 counts, C's of 2990 does not. Shipping is not income.
    expect(household(r, s.fx.zhang.id)).toEqual({
      farmerId: s.fx.zhang.id,
      name: '张国华',
      village: '草海镇新华村',
      registryNoMasked: maskRegistryNo(ZHANG_NO),
      status: 'lifted',
      orders: 2,
      jin: 15,
      grossFen: 8970,
      refundsFen: 1000,
      incomeFen: 7970,
    })
    // 李: the 3500 of November, less the 700 refunded in November of an October sale; the 500 the cooperative bore is not hers
    expect(household(r, s.fx.li.id)).toMatchObject({ registryNoMasked: null, status: 'registered', orders: 1, jin: 10, grossFen: 3500, refundsFen: 700, incomeFen: 2800 })
    expect(r.totals).toEqual({ households: 2, orders: 3, jin: 25, grossFen: 12470, refundsFen: 1700, incomeFen: 10770 })
    expect(r.byVillage).toEqual([
      { village: '草海镇新华村', households: 1, orders: 2, jin: 15, grossFen: 8970, refundsFen: 1000, incomeFen: 7970 },
      { village: '迤那镇五星村', households: 1, orders: 1, jin: 10, grossFen: 3500, refundsFen: 700, incomeFen: 2800 },
    ])
    expect(res.body).not.toContain(ZHANG_NO)
  })

  it('reports a week: sales of its days, refunds that succeeded in it (negative income when only refunds count)', async () => {
    const w46 = (await report('period=week&at=2026-W46')).json()
    expect(w46).toMatchObject({ from: '2026-11-09', to: '2026-11-15' })
    expect(w46.totals).toEqual({ households: 2, orders: 3, jin: 25, grossFen: 12470, refundsFen: 0, incomeFen: 12470 })
    const w47 = (await report('period=week&at=2026-W47')).json()
    expect(w47).toMatchObject({ from: '2026-11-16', to: '2026-11-22' })
    // only A's refund counts: C, sold on the 16th, was not a registered household's sale
    expect(w47.totals).toEqual({ households: 1, orders: 0, jin: 0, grossFen: 0, refundsFen: 1000, incomeFen: -1000 })
    // 李 was on the register that week without selling: listed, not counted
    expect(household(w47, s.fx.li.id)).toMatchObject({ orders: 0, incomeFen: 0 })
  })

  it('reports a month before the leave with a household that sold nothing, and the year in full', async () => {
    const october = (await report('period=month&at=2026-10')).json()
    expect(october.totals).toEqual({ households: 1, orders: 1, jin: 4, grossFen: 1400, refundsFen: 0, incomeFen: 1400 })
    expect(household(october, s.fx.zhang.id)).toMatchObject({ status: 'registered', orders: 0, incomeFen: 0 })
    const year = (await report('period=year&at=2026')).json()
    expect(year).toMatchObject({ from: '2026-01-01', to: '2026-12-31' })
    expect(year.totals).toEqual({ households: 2, orders: 4, jin: 29, grossFen: 13870, refundsFen: 1700, incomeFen: 12170 })
    expect(household(year, s.fx.zhang.id)).toMatchObject({ status: 'lifted', incomeFen: 7970 })
  })

  it('defaults to the period in progress in China', async () => {
    s.setNow(new Date('2026-12-31T16:30:00Z')) // 1 January 2027, 00:30 in China
    expect((await report('period=year')).json()).toMatchObject({ at: '2027', from: '2027-01-01' })
    expect((await report('period=month')).json()).toMatchObject({ at: '2027-01', to: '2027-01-31' })
    expect((await report('period=week')).json()).toMatchObject({ at: '2026-W53', from: '2026-12-28', to: '2027-01-03' })
    s.setNow(new Date('2026-12-02T02:00:00Z'))
  })

  it('refuses a period that does not fit its kind with INVALID_PERIOD', async () => {
    for (const query of ['period=week&at=2026-11', 'period=week&at=2026-W60', 'period=month&at=2026-13', 'period=month&at=2026-W48', 'period=year&at=26', 'period=year&at=1999']) {
      const res = await report(query)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('INVALID_PERIOD')
    }
    expect((await report('period=decade')).json().error.code).toBe('VALIDATION_FAILED')
    expect((await report('')).statusCode).toBe(400)
  })

  it('is for the cooperative’s managers only', async () => {
    const buyer = await addBuyer(s.t)
    for (const url of ['/api/v1/coop/reports/households?period=month', '/api/v1/coop/reports/households.xlsx?period=month']) {
      expect((await s.t.app.inject({ method: 'GET', url, headers: buyer.auth })).statusCode).toBe(403)
      expect((await s.t.app.inject({ method: 'GET', url })).statusCode).toBe(401)
    }
  })
})

describe('the impact report', () => {
  it('gives the registry report’s figures for the same week, in total and per household', async () => {
    for (const week of ['2026-W45', '2026-W46', '2026-W47']) {
      const registry = (await report(`period=week&at=${week}`)).json()
      const impact = (await s.t.app.inject({ method: 'GET', url: `/api/v1/coop/reports/impact?week=${week}`, headers: s.fx.manager })).json()
      expect(impact.current.poorNetFen).toBe(registry.totals.incomeFen)
      for (const h of registry.byHousehold as { farmerId: number; orders: number; grossFen: number; refundsFen: number; incomeFen: number }[]) {
        const f = impact.farmers.find((x: { farmerId: number }) => x.farmerId === h.farmerId)
        expect(f).toMatchObject({ orders: h.orders, grossFen: h.grossFen, refundsFen: h.refundsFen, netFen: h.incomeFen })
      }
    }
    // every member's income by the same rule: in W47 C's 2990 sold and both refunds 张 bore
    const w47 = (await s.t.app.inject({ method: 'GET', url: '/api/v1/coop/reports/impact?week=2026-W47', headers: s.fx.manager })).json()
    expect(w47.current).toEqual({ week: '2026-W47', poorNetFen: -1000, coopNetFen: 2990 - 1000 - 2990, sharePct: null })
    expect(w47).toMatchObject({ poorHouseholds: 1, poorHouseholdsSelling: 0 })
  })
})
