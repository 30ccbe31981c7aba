/**
 * The weekly report and the poor-household impact report: totals, kg from 斤 and boxes, the
 * previous week and the change, breakdowns, refunds by kind, the 8-week trend, the default week, and that a
 * manager sees only their own cooperative (another's id → 404).
 */
import { insertHouseholdPeriods } from '../../server/src/modules/households'
import { startTestApp, type TestApp } from '../support/app'
import { addProduct } from '../support/catalog-builders'
import { addBuyer } from '../support/order-builders'
import { addManager, buyAndPay, cancelPaid, coopFixture, insertPaidOrder, type Auth } from './coop-support'

let now = new Date('2026-11-28T02:00:00Z') // Saturday of 2026-W48
let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
let other: Awaited<ReturnType<typeof coopFixture>>
let giftSpec: { specId: number; productId: number }

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  fx = await coopFixture(t)
  other = await coopFixture(t, '修文县谷堡猕猴桃种植专业合作社')
  const gift = await addProduct(t.store.db, fx.zhang.id, { title: '苹果礼盒' }, [{ name: '12个装', priceFen: 8800, unit: '个', netWeightG: 3000, stock: 100 }])
  giftSpec = { specId: gift.specs[0].id, productId: gift.id }
  const b1 = await addBuyer(t)
  const b2 = await addBuyer(t)
  const ids = async (b: typeof b1) => (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: b.auth })).json().id as number
  const [buyer1, buyer2] = [await ids(b1), await ids(b2)]
  const apple = { specId: fx.appleSpec, productId: (await specProduct(fx.appleSpec)), priceFen: 2990, netWeightG: 2500 }
  const potato = { specId: fx.potatoSpec, productId: (await specProduct(fx.potatoSpec)), priceFen: 350, netWeightG: 500, unit: '斤' as const }
  // 2026-W48 (23–29 Nov): three orders by two buyers, plus one refunded through WeChat Pay below
  await insertPaidOrder(t, { buyerId: buyer1, farmerId: fx.zhang.id, paidAt: new Date('2026-11-23T01:00:00Z'), province: '贵州省', lines: [{ ...apple, quantity: 2 }, { ...giftSpec, priceFen: 8800, netWeightG: 3000, quantity: 1, unit: '个' }] })
  await insertPaidOrder(t, { buyerId: buyer2, farmerId: fx.li.id, paidAt: new Date('2026-11-24T05:00:00Z'), province: '广东省', shippingFen: 600, lines: [{ ...potato, quantity: 10 }] })
  await insertPaidOrder(t, { buyerId: buyer2, farmerId: fx.zhang.id, paidAt: new Date('2026-11-29T15:59:59Z'), province: '广东省', lines: [{ ...apple, quantity: 1 }] })
  // 2026-W47 and 2026-W42
  await insertPaidOrder(t, { buyerId: buyer1, farmerId: fx.zhang.id, paidAt: new Date('2026-11-22T15:59:00Z'), lines: [{ ...apple, quantity: 1 }] })
  await insertPaidOrder(t, { buyerId: buyer1, farmerId: fx.li.id, paidAt: new Date('2026-10-14T04:00:00Z'), lines: [{ ...potato, quantity: 4 }] })
  // the other cooperative sells too; none of it may show up here
  await insertPaidOrder(t, { buyerId: buyer1, farmerId: other.zhang.id, paidAt: new Date('2026-11-25T04:00:00Z'), lines: [{ specId: other.appleSpec, productId: await specProduct(other.appleSpec), priceFen: 2990, netWeightG: 2500, quantity: 7 }] })
  const refunded = await buyAndPay(t, b1, [{ specId: fx.appleSpec, quantity: 1 }])
  await cancelPaid(t, b1, refunded.orders[0].id, now)
})
afterAll(() => t.close())

async function specProduct(specId: number): Promise<number> {
  const res = await t.store.db.execute(`select product_id from product_specs where id = ${Number(specId)}` as never)
  return Number((res as unknown as { rows: { product_id: unknown }[] }).rows[0].product_id)
}

const get = (url: string, headers: Auth = fx.manager) => t.app.inject({ method: 'GET', url, headers })

describe('the weekly report', () => {
  it('sums the week from the rollup: orders, buyers, quantities by unit, kg, gross, refunds, net', async () => {
    const res = await get('/api/v1/coop/reports/weekly?week=2026-W48')
    expect(res.statusCode).toBe(200)
    const r = res.json()
    expect(r).toMatchObject({ week: '2026-W48', start: '2026-11-22T16:00:00.000Z', end: '2026-11-29T16:00:00.000Z', inProgress: true, cooperative: { id: fx.coop.id, commissionBps: 500 } })
    // 4 paid orders by 2 buyers (one order later refunded): 5980 + 8800 + 3500 + 2990 + 2990 gross
    expect(r.totals).toMatchObject({ orders: 4, buyers: 2, grossFen: 24260, refundsFen: 2990, netFen: 21270, shippingFen: 600 })
    expect(r.totals.quantities).toEqual(expect.arrayContaining([{ unit: '箱', quantity: 4 }, { unit: '个', quantity: 1 }, { unit: '斤', quantity: 10 }]))
    // boxes 4 × 2.5 kg + gift 3 kg + 10 斤 × 0.5 kg
    expect(r.totals.weightKg).toBe(18)
  })

  it('shows the week’s refunds by kind, the cooperative’s share, and the rule in its download', async () => {
    const r = (await get('/api/v1/coop/reports/weekly?week=2026-W48')).json()
    expect(r.refundsByKind).toEqual([{ kind: 'buyer_cancel', count: 1, goodsFen: 2990, shippingFen: 0 }])
    expect(r.cooperativeRefunds).toEqual({ count: 0, goodsFen: 0, shippingFen: 0, byKind: [] })
    expect((await get('/api/v1/coop/reports/weekly?week=2026-W47')).json().refundsByKind).toEqual([])
    const csv = (await get('/api/v1/coop/reports/weekly.csv?week=2026-W48')).rawPayload.toString('utf8')
    expect(csv).toContain('【按退款类型】\r\n退款类型,笔数,商品退款(元),运费退款(元),合作社承担笔数,合作社承担商品退款(元),合作社承担运费退款(元)\r\n取消退款,1,29.90,0.00,0,0.00,0.00\r\n')
    expect(csv).toContain('退款计入退款成功（到账）的那一周；已确认的结算单不再改动')
  })

  it('compares with the previous week and shows the change', async () => {
    const r = (await get('/api/v1/coop/reports/weekly?week=2026-W48')).json()
    expect(r.previous).toMatchObject({ week: '2026-W47', totals: { orders: 1, buyers: 1, grossFen: 2990, netFen: 2990, weightKg: 2.5 } })
    expect(r.change.orders).toEqual({ delta: 3, pct: 300 })
    expect(r.change.netFen).toEqual({ delta: 18280, pct: 611.4 })
  })

  it('breaks the week down by farmer, by product and spec, and by buyer province', async () => {
    const r = (await get('/api/v1/coop/reports/weekly?week=2026-W48')).json()
    expect(r.byFarmer.map((f: { name: string; orders: number; netFen: number }) => [f.name, f.orders, f.netFen])).toEqual([
      ['张国华', 3, 17770],
      ['李秀英', 1, 3500],
    ])
    expect(r.byFarmer[1]).toMatchObject({ isPoorHousehold: true, weightKg: 5 })
    const gift = r.byProduct.find((p: { title: string }) => p.title === '苹果礼盒')
    expect(gift).toMatchObject({ farmerName: '张国华', grossFen: 8800, specs: [{ name: '12个装', unit: '个', quantity: 1, weightKg: 3 }] })
    expect(r.byProvince.map((p: { province: string; orders: number }) => [p.province, p.orders])).toEqual([
      ['贵州省', 2],
      ['广东省', 2],
    ])
  })

  it('carries an 8-week trend, oldest first', async () => {
    const r = (await get('/api/v1/coop/reports/weekly?week=2026-W48')).json()
    expect(r.trend.map((p: { week: string }) => p.week)).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'])
    expect(r.trend[1]).toMatchObject({ orders: 1, grossFen: 1400, weightKg: 2, buyers: 1 })
    expect(r.trend[7]).toMatchObject({ orders: 4, netFen: 21270 })
  })

  it('defaults to the week in progress in China', async () => {
    now = new Date('2026-11-29T16:30:00Z') // Monday 00:30 in China: already 2026-W49
    const r = (await get('/api/v1/coop/reports/weekly')).json()
    expect(r.week).toBe('2026-W49')
    expect(r.previous.week).toBe('2026-W48')
    now = new Date('2026-11-28T02:00:00Z')
  })

  it('shows only the manager’s own cooperative', async () => {
    expect((await get(`/api/v1/coop/reports/weekly?week=2026-W48&cooperativeId=${fx.coop.id}`)).statusCode).toBe(200)
    for (const url of ['weekly', 'impact', 'weekly.csv', 'weekly.xlsx', 'impact.csv', 'settlements.csv']) {
      const res = await get(`/api/v1/coop/reports/${url}?week=2026-W48&cooperativeId=${fx.coop.id}`, other.manager)
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('NOT_FOUND')
    }
    const theirs = (await get('/api/v1/coop/reports/weekly?week=2026-W48', other.manager)).json()
    expect(theirs.totals).toMatchObject({ orders: 1, grossFen: 20930 })
    const buyer = await addBuyer(t)
    expect((await get('/api/v1/coop/reports/weekly', buyer.auth)).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/coop/reports/weekly' })).statusCode).toBe(401)
    const orphan = await addManager(t, fx.coop.id)
    expect((await get('/api/v1/coop/reports/weekly', orphan)).statusCode).toBe(200)
  })
})

describe('the impact report', () => {
  it('follows the income of registered households by their status on the day of each sale, per week and per farmer, with their share', async () => {
    const res = await get('/api/v1/coop/reports/impact?week=2026-W48')
    expect(res.statusCode).toBe(200)
    const r = res.json()
    expect(r).toMatchObject({ week: '2026-W48', poorHouseholds: 1, poorHouseholdsSelling: 1 })
    expect(r.current).toEqual({ week: '2026-W48', poorNetFen: 3500, coopNetFen: 21270, sharePct: 16.5 })
    expect(r.trend).toHaveLength(8)
    expect(r.trend[1]).toEqual({ week: '2026-W42', poorNetFen: 1400, coopNetFen: 1400, sharePct: 100 })
    expect(r.trend[0].sharePct).toBeNull()
    expect(r.farmers).toEqual([expect.objectContaining({ name: '李秀英', orders: 1, netFen: 3500, eightWeekNetFen: 4900 })])

    // 张国华 on the register from Wednesday 25 Nov: his sales of the 23rd do not count; those of
    // the 28th (refunded the same day, which he bore) and the 29th do — the status on the day of each sale
    await insertHouseholdPeriods(t.store.db, [{ cooperativeId: fx.coop.id, farmerId: fx.zhang.id, registryNo: '522427000000000101', headName: '张国华', status: 'registered', startedOn: '2026-11-25', source: 'test' }])
    const again = (await get('/api/v1/coop/reports/impact?week=2026-W48')).json()
    expect(again).toMatchObject({ poorHouseholds: 2, poorHouseholdsSelling: 2 })
    expect(again.current).toEqual({ week: '2026-W48', poorNetFen: 3500 + 2990 + 2990 - 2990, coopNetFen: 21270, sharePct: 30.5 })
    expect(again.farmers.find((f: { name: string }) => f.name === '张国华')).toMatchObject({ orders: 2, grossFen: 5980, refundsFen: 2990, netFen: 2990, eightWeekNetFen: 2990 })
    // the week before, he was not yet on the register
    expect((await get('/api/v1/coop/reports/impact?week=2026-W47')).json().current).toMatchObject({ poorNetFen: 0, coopNetFen: 2990 })
  })
})
