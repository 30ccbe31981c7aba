/**
 * Members: farmers with their products and this week's figures, whether each is a registered
 * household today (set through the household routes),
 * deactivation (products leave the store, history stays), the commission; only for the
 * cooperative's own managers.
 */
import { eq } from 'drizzle-orm'
import { productSpecs } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addBuyer } from '../support/order-builders'
import { buyAndPay, coopFixture, type Auth } from './coop-support'

const now = new Date('2026-11-25T02:00:00Z')
let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
let other: Awaited<ReturnType<typeof coopFixture>>

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  fx = await coopFixture(t)
  other = await coopFixture(t, '湄潭县永兴茶叶专业合作社')
  await buyAndPay(t, await addBuyer(t), [{ specId: fx.appleSpec, quantity: 3 }])
})
afterAll(() => t.close())

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Auth = fx.manager) => t.app.inject({ method, url, headers, payload })

describe('members', () => {
  it('lists every farmer with products and this week’s figures from the rollup', async () => {
    const res = await call('GET', '/api/v1/coop/members')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ week: '2026-W48', cooperative: { id: fx.coop.id, commissionBps: 500 } })
    expect(body.members).toEqual([
      expect.objectContaining({ farmerId: fx.zhang.id, name: '张国华', active: true, isPoorHousehold: false, joined: false, products: 1, productsOnSale: 1, week: { orders: 1, weightKg: 7.5, grossFen: 8970, refundsFen: 0, netFen: 8970 } }),
      expect.objectContaining({ farmerId: fx.li.id, isPoorHousehold: true, week: { orders: 0, weightKg: 0, grossFen: 0, refundsFen: 0, netFen: 0 } }),
    ])
  })

  it('a member linked to the registry counts as a registered household until lifted out', async () => {
    const isPoor = async () => (await call('GET', '/api/v1/coop/members')).json().members.find((m: { farmerId: number }) => m.farmerId === fx.zhang.id).isPoorHousehold
    expect(await isPoor()).toBe(false)
    const on = await call('PUT', `/api/v1/coop/members/${fx.zhang.id}/household`, { registryNo: '522427100100010173', headName: '张国华', status: 'registered', since: '2026-11-02' })
    expect(on.statusCode).toBe(200)
    expect(await isPoor()).toBe(true)
    const off = await call('PUT', `/api/v1/coop/members/${fx.zhang.id}/household`, { registryNo: '522427100100010173', headName: '张国华', status: 'lifted', since: '2026-11-23' })
    expect(off.statusCode).toBe(200)
    expect(await isPoor()).toBe(false)
  })

  it('deactivating a member takes their products off the store and keeps their history', async () => {
    const page = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/farmers/${fx.zhang.id}` })).statusCode
    expect(await page()).toBe(200)
    const res = await call('POST', `/api/v1/coop/members/${fx.zhang.id}/deactivate`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ active: false, week: { orders: 1, grossFen: 8970 } })
    expect(await page()).toBe(404)
    const [spec] = await t.store.db.select().from(productSpecs).where(eq(productSpecs.id, fx.appleSpec))
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/products/${spec.productId}` })).statusCode).toBe(404)
    const report = (await call('GET', '/api/v1/coop/reports/weekly')).json()
    expect(report.byFarmer[0]).toMatchObject({ farmerId: fx.zhang.id, grossFen: 8970 })
    expect((await call('POST', `/api/v1/coop/members/${fx.zhang.id}/activate`)).json().active).toBe(true)
  })

  it('sets the commission within 0–30 %', async () => {
    expect((await call('PUT', '/api/v1/coop/commission', { bps: 3000 })).json()).toEqual({ commissionBps: 3000 })
    for (const bps of [3001, -1, 2.5, '500']) {
      const res = await call('PUT', '/api/v1/coop/commission', { bps })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
    }
    expect((await call('PUT', '/api/v1/coop/commission', { bps: 500 })).json()).toEqual({ commissionBps: 500 })
  })

  it('another cooperative’s members are out of reach (404)', async () => {
    for (const [method, url, body] of [
      ['PUT', `/api/v1/coop/members/${other.zhang.id}/household`, { registryNo: '522427100100020001', headName: '张国华', status: 'registered', since: '2026-11-02' }],
      ['POST', `/api/v1/coop/members/${other.zhang.id}/deactivate`, undefined],
      ['POST', `/api/v1/coop/members/${other.zhang.id}/activate`, undefined],
      ['GET', `/api/v1/coop/members?cooperativeId=${other.coop.id}`, undefined],
    ] as const) {
      const res = await call(method, url, body)
      expect(res.statusCode).toBe(404)
    }
    const theirs = (await call('GET', '/api/v1/coop/members', undefined, other.manager)).json()
    expect(theirs.members.map((m: { farmerId: number }) => m.farmerId)).toEqual([other.zhang.id, other.li.id])
  })
})
