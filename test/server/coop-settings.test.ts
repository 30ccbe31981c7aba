/**
 * The cooperative's settings (GET/PUT /api/v1/coop/settings): the manager sets and clears the
 * service phone, bad numbers are refused and change nothing, another cooperative is 404 and
 * other roles 403; the buyer's order detail carries the order farmer's cooperative's phone.
 */
import { eq } from 'drizzle-orm'
import { cooperatives } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addManager, type Auth } from './coop-support'
import { addSignedInFarmer, placeAndPay, type TestFarmer } from './fulfilment-fixtures'

let t: TestApp
let coopId: number
let otherCoopId: number
let manager: Auth
let otherManager: Auth
let farmer: TestFarmer
let buyer: TestBuyer

beforeAll(async () => {
  t = await startTestApp()
  coopId = (await addCooperative(t.store.db)).id
  otherCoopId = (await addCooperative(t.store.db, { name: '修文县猕猴桃专业合作社', county: '修文县' })).id
  manager = await addManager(t, coopId)
  otherManager = await addManager(t, otherCoopId)
  farmer = await addSignedInFarmer(t, coopId, '张国华')
  buyer = await addBuyer(t)
})
afterAll(() => t.close())

const put = (headers: Auth | TestBuyer['auth'] | TestFarmer['auth'] | Record<string, never>, payload: unknown, query = '') =>
  t.app.inject({ method: 'PUT', url: `/api/v1/coop/settings${query}`, headers, payload: payload as object })
const get = (headers: Auth | Record<string, never>, query = '') => t.app.inject({ method: 'GET', url: `/api/v1/coop/settings${query}`, headers })
const storedPhone = async (id: number) => (await t.store.db.select({ p: cooperatives.servicePhone }).from(cooperatives).where(eq(cooperatives.id, id)))[0].p

describe('the service phone', () => {
  it('is unset at first, set by the manager (trimmed), read back, and cleared with null', async () => {
    expect((await get(manager)).json()).toEqual({ servicePhone: null })
    const res = await put(manager, { servicePhone: ' 0857-623  1234 ' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ servicePhone: '0857-623 1234' })
    expect(await storedPhone(coopId)).toBe('0857-623 1234')
    expect((await get(manager, `?cooperativeId=${coopId}`)).json()).toEqual({ servicePhone: '0857-623 1234' })
    expect((await put(manager, { servicePhone: null })).json()).toEqual({ servicePhone: null })
    expect(await storedPhone(coopId)).toBeNull()
    expect((await put(manager, { servicePhone: '+86 400-800-1234' })).json()).toEqual({ servicePhone: '+86 400-800-1234' })
  })

  it.each([
    [{ servicePhone: 'call-me' }],
    [{ servicePhone: '123' }],
    [{ servicePhone: '1'.repeat(21) }],
    [{ servicePhone: '     ' }],
    [{ servicePhone: '--- --' }],
    [{}],
    [{ servicePhone: '0857-6231234', extra: 1 }],
    [{ servicePhone: 8576231234 }],
  ])('refuses %j with 400 and keeps the phone', async (body) => {
    const res = await put(manager, body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    expect(await storedPhone(coopId)).toBe('+86 400-800-1234')
  })

  it('another cooperative’s settings are 404 to a manager; buyers and farmers 403; no session 401', async () => {
    for (const res of [await get(otherManager, `?cooperativeId=${coopId}`), await put(otherManager, { servicePhone: '13800000000' }, `?cooperativeId=${coopId}`)]) {
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('NOT_FOUND')
    }
    expect(await storedPhone(coopId)).toBe('+86 400-800-1234')
    expect((await put(buyer.auth, { servicePhone: '13800000000' })).statusCode).toBe(403)
    expect((await put(farmer.auth, { servicePhone: '13800000000' })).statusCode).toBe(403)
    expect((await put({}, { servicePhone: '13800000000' })).statusCode).toBe(401)
    // each manager sets only their own
    expect((await put(otherManager, { servicePhone: '0851-8888 6666' })).json()).toEqual({ servicePhone: '0851-8888 6666' })
    expect(await storedPhone(coopId)).toBe('+86 400-800-1234')
    expect(await storedPhone(otherCoopId)).toBe('0851-8888 6666')
  })
})

describe('the buyer’s order detail', () => {
  it('carries the phone of the order farmer’s cooperative, and null once it is cleared', async () => {
    const { orderIds } = await placeAndPay(t, buyer, [{ specId: farmer.specIds[0], quantity: 1 }])
    const detail = () => t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderIds[0]}`, headers: buyer.auth })
    expect((await detail()).json().servicePhone).toBe('+86 400-800-1234')
    await put(manager, { servicePhone: null })
    expect((await detail()).json().servicePhone).toBeNull()
  })
})
