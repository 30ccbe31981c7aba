/**
 * Who may call each farmer-side endpoint, and what bad input gets: another farmer's ids are 404 on
 * every endpoint, a buyer gets 403, nobody signed in gets 401, and no malformed request is a 500.
 */
import { startTestApp, type TestApp } from '../support/app'
import { addCategory, addCooperative } from '../support/catalog-builders'
import { deactivate, listingBody, signInBuyer, signInFarmer, signInManager, uploadPhoto, type Actor, type FarmerActor } from './farmer-listings-fixtures'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

let t: TestApp
let owner: FarmerActor
let other: FarmerActor
let buyer: Actor
let manager: Actor
let productId: number
let specId: number
let body: ReturnType<typeof listingBody>

beforeAll(async () => {
  t = await startTestApp()
  await addCategory(t.store.db, 'fruit', '水果')
  const coop = await addCooperative(t.store.db)
  owner = await signInFarmer(t, coop.id)
  other = await signInFarmer(t, coop.id) // same cooperative, still not allowed
  buyer = await signInBuyer(t)
  manager = await signInManager(t, coop.id)
  body = listingBody([await uploadPhoto(t, owner)])
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/farmer/products', headers: owner.auth, payload: body })
  productId = res.json().listing.id
  specId = res.json().listing.specs[0].id
})
afterAll(() => t.close())

/** Every farmer endpoint about one product or spec, with a valid body. */
const ownedEndpoints = (): [Method, string, object | undefined][] => [
  ['GET', `/api/v1/farmer/products/${productId}`, undefined],
  ['PUT', `/api/v1/farmer/products/${productId}`, body],
  ['DELETE', `/api/v1/farmer/products/${productId}`, undefined],
  ['POST', `/api/v1/farmer/products/${productId}/pause`, {}],
  ['POST', `/api/v1/farmer/products/${productId}/resume`, {}],
  ['POST', `/api/v1/farmer/products/${productId}/sold-out`, {}],
  ['POST', `/api/v1/farmer/specs/${specId}/stock`, { delta: 1 }],
]
const allFarmerEndpoints = (): [Method, string, object | undefined][] => [
  ['GET', '/api/v1/farmer/products', undefined],
  ['POST', '/api/v1/farmer/products', body],
  ...ownedEndpoints(),
]

const call = (actor: Actor | null, [method, url, payload]: [Method, string, object | undefined]) =>
  t.app.inject({ method, url, headers: actor?.auth ?? {}, ...(payload === undefined ? {} : { payload }) })

it('another farmer gets 404 on every endpoint about my product, and changes nothing', async () => {
  for (const endpoint of ownedEndpoints()) {
    const res = await call(other, endpoint)
    expect([endpoint[0], endpoint[1], res.statusCode]).toEqual([endpoint[0], endpoint[1], 404])
    expect(res.json().error.code).toBe('NOT_FOUND')
  }
  const mine = await call(owner, ['GET', `/api/v1/farmer/products/${productId}`, undefined])
  expect(mine.json()).toMatchObject({ status: 'on_sale', specs: [{ stock: 40 }, { stock: 20 }] })
  const theirList = await call(other, ['GET', '/api/v1/farmer/products', undefined])
  expect(theirList.json().items).toEqual([])
})

it('a buyer gets 403 and nobody signed in gets 401 on every farmer endpoint', async () => {
  for (const endpoint of allFarmerEndpoints()) {
    expect([endpoint[1], (await call(buyer, endpoint)).statusCode]).toEqual([endpoint[1], 403])
    expect([endpoint[1], (await call(null, endpoint)).statusCode]).toEqual([endpoint[1], 401])
  }
})

it('a farmer and a buyer get 403 on the manager’s endpoints', async () => {
  const coopEndpoints: [Method, string, object | undefined][] = [
    ['GET', '/api/v1/coop/reviews', undefined],
    ['POST', `/api/v1/coop/reviews/${productId}/approve`, {}],
    ['POST', `/api/v1/coop/reviews/${productId}/reject`, {}],
    ['POST', '/api/v1/coop/invites', {}],
    ['GET', '/api/v1/coop/invites', undefined],
  ]
  for (const endpoint of coopEndpoints) {
    expect([endpoint[1], (await call(owner, endpoint)).statusCode]).toEqual([endpoint[1], 403])
    expect([endpoint[1], (await call(buyer, endpoint)).statusCode]).toEqual([endpoint[1], 403])
  }
})

it('a farmer the cooperative deactivated gets 403', async () => {
  const gone = await signInFarmer(t, (await addCooperative(t.store.db)).id)
  await deactivate(t, gone.farmerId)
  expect((await call(gone, ['GET', '/api/v1/farmer/products', undefined])).statusCode).toBe(403)
})

describe('bad input is a 4xx JSON error, never a 500', () => {
  const huge = '苹'.repeat(100_000)
  const spec = { name: '5斤装', priceFen: 100, netWeightG: 500, stock: 1 }
  const badListings: Record<string, unknown>[] = [
    {},
    { title: 123 },
    { title: huge },
    { description: huge },
    { categoryId: 'Fruit!' },
    { categoryId: null },
    { photos: [] },
    { photos: 'u/abc' },
    { photos: ['../../etc/passwd'] },
    { photos: Array.from({ length: 10 }, (_, i) => `u/p${i}`) },
    { harvestStart: '2026-02-30' },
    { harvestStart: 'tomorrow' },
    { shipsFrom: 12 },
    { specs: [] },
    { specs: Array.from({ length: 6 }, (_, i) => ({ ...spec, name: `规格${i}` })) },
    { specs: [{ ...spec, priceFen: 0 }] },
    { specs: [{ ...spec, priceFen: 12.5 }] },
    { specs: [{ ...spec, priceFen: '1280' }] },
    { specs: [{ ...spec, priceFen: 1e12 }] },
    { specs: [{ ...spec, stock: -1 }] },
    { specs: [{ ...spec, netWeightG: 0 }] },
    { specs: [{ ...spec, unit: '吨' }] },
    { specs: [{ ...spec, name: '' }] },
    { specs: [{ ...spec, id: 'x' }] },
    { specs: [{ ...spec, id: 99999999 }] },
    { priceFen: 1 },
  ]

  it.each(badListings.map((o) => [JSON.stringify(o).slice(0, 80), o]))('listing %s', async (_label, overrides) => {
    const payload = Object.keys(overrides).length === 0 ? {} : { ...body, ...overrides }
    for (const [method, url] of [['POST', '/api/v1/farmer/products'], ['PUT', `/api/v1/farmer/products/${productId}`]] as const) {
      const res = await t.app.inject({ method, url, headers: owner.auth, payload })
      expect([url, res.statusCode >= 400 && res.statusCode < 500]).toEqual([url, true])
      expect(typeof res.json().error.code).toBe('string')
    }
  })

  it.each([
    ['GET', '/api/v1/farmer/products/abc'],
    ['GET', '/api/v1/farmer/products/0'],
    ['GET', '/api/v1/farmer/products/99999999999999999999'],
    ['GET', '/api/v1/farmer/products/987654'],
    ['DELETE', '/api/v1/farmer/products/987654'],
    ['POST', '/api/v1/farmer/products/987654/pause'],
    ['POST', '/api/v1/farmer/products/-1/resume'],
    ['POST', '/api/v1/farmer/specs/987654/stock'],
    ['GET', '/api/v1/farmer/products?cursor=not-a-cursor'],
    ['GET', '/api/v1/farmer/products?limit=0'],
    ['GET', '/api/v1/farmer/products?limit=500'],
    ['GET', '/api/v1/farmer/products?sort=price'],
    ['POST', `/api/v1/coop/reviews/987654/approve`],
    ['POST', `/api/v1/coop/reviews/abc/reject`],
  ])('%s %s', async (method, url) => {
    const actor = url.includes('/coop/') ? manager : owner
    const payload = url.endsWith('/stock') ? { delta: 1 } : {}
    const res = await t.app.inject({ method: method as Method, url, headers: actor.auth, ...(method === 'GET' ? {} : { payload }) })
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(typeof res.json().error.code).toBe('string')
  })

  it.each([
    [{}],
    [{ delta: '5' }],
    [{ delta: 1.5 }],
    [{ delta: 1e9 }],
    [{ delta: 1, extra: true }],
  ])('stock %j', async (payload) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/farmer/specs/${specId}/stock`, headers: owner.auth, payload })
    expect(res.statusCode).toBe(400)
  })

  it('a review note that is too long or not text', async () => {
    for (const payload of [{ note: 'x'.repeat(201) }, { note: 5 }, { reason: 'x' }]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/coop/reviews/${productId}/reject`, headers: manager.auth, payload })
      expect(res.statusCode).toBe(400)
    }
  })

  it('a body that is not JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/farmer/products', headers: { ...owner.auth, 'content-type': 'application/json' }, payload: '{"title":' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('INVALID_BODY')
  })
})
