import { startTestApp, type TestApp } from '../support/app'
import { addCategory, addCooperative } from '../support/catalog-builders'
import { addBuyer, placeOrder } from '../support/order-builders'
import { contentCheckSandboxOf } from '../../server/src/wechat/sandbox/content-check-sandbox'
import { listingBody, signInFarmer, uploadPhoto, type FarmerActor } from './farmer-listings-fixtures'

let t: TestApp
let farmer: FarmerActor
let photo: string

beforeAll(async () => {
  t = await startTestApp()
  await addCategory(t.store.db, 'fruit', '水果')
  farmer = await signInFarmer(t, (await addCooperative(t.store.db)).id)
  photo = await uploadPhoto(t, farmer)
})
afterAll(() => t.close())

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: farmer.auth, ...(payload === undefined ? {} : { payload }) })

async function newListing(overrides: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/v1/farmer/products', listingBody([photo], overrides))
  expect(res.statusCode).toBe(201)
  return res.json().listing as { id: number; specs: { id: number; name: string; stock: number }[] }
}

describe('editing', () => {
  it('updates, swaps, adds and removes specs in one save, keeping spec ids', async () => {
    const listing = await newListing()
    const [five, ten] = listing.specs
    const res = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], {
      specs: [
        { id: ten.id, name: '5斤装', priceFen: 5490, netWeightG: 5000, stock: 3 },
        { id: five.id, name: '10斤装', priceFen: 2990, netWeightG: 2500, stock: 4 },
        { name: '整箱', priceFen: 12000, unit: '箱', netWeightG: 12000, stock: 2 },
      ],
    }))
    expect(res.statusCode).toBe(200)
    const specs = res.json().listing.specs
    expect(specs.map((s: { id: number; name: string }) => [s.id, s.name])).toEqual([[ten.id, '5斤装'], [five.id, '10斤装'], [expect.any(Number), '整箱']])
    const fewer = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { specs: [{ id: ten.id, name: '5斤装', priceFen: 5490, netWeightG: 5000, stock: 3 }] }))
    expect(fewer.json().listing.specs).toHaveLength(1)
  })

  it('does not check unchanged texts again (a price change stays published while WeChat is down)', async () => {
    const listing = await newListing()
    const sandbox = contentCheckSandboxOf(t.app)!
    sandbox.outage = -1
    try {
      const calls = sandbox.calls
      const res = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { specs: [{ id: listing.specs[0].id, name: '5斤装', priceFen: 3290, netWeightG: 2500, stock: 40 }, { id: listing.specs[1].id, name: '10斤装', priceFen: 5490, netWeightG: 5000, stock: 20 }] }))
      expect(res.json()).toMatchObject({ check: 'pass', listing: { reviewStatus: 'approved' } })
      expect(sandbox.calls).toBe(calls)
    } finally {
      sandbox.outage = null
    }
  })

  it('refuses a risky edit and keeps what was there', async () => {
    const listing = await newListing()
    const res = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { description: '欢迎来赌博' }))
    expect(res.statusCode).toBe(422)
    expect((await call('GET', `/api/v1/farmer/products/${listing.id}`)).json().description).toBe('海拔两千米的果园，脆甜多汁。')
  })

  it.each([
    [{ specs: [{ name: '5斤装', priceFen: 1, netWeightG: 1, stock: 0 }, { name: ' 5斤装 ', priceFen: 1, netWeightG: 1, stock: 0 }] }, 'DUPLICATE_SPEC_NAME'],
    [{ harvestStart: '2026-12-01', harvestEnd: '2026-11-01' }, 'INVALID_HARVEST_WINDOW'],
    [{ shipsFrom: '2027-03-01' }, 'INVALID_SHIPS_FROM'],
    [{ title: '   ' }, 'VALIDATION_FAILED'],
    [{ specs: [{ id: 999999, name: '5斤装', priceFen: 1, netWeightG: 1, stock: 0 }] }, 'UNKNOWN_SPEC'],
  ])('refuses %j with %s', async (overrides, code) => {
    const listing = await newListing()
    const res = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], overrides))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe(code)
  })
})

describe('editing while buyers order', () => {
  const specsOf = (listing: { specs: { id: number; name: string; stock: number }[] }, stock: (s: { stock: number }) => number, stockWas?: (s: { stock: number }) => number) =>
    listing.specs.map((s, i) => ({ id: s.id, name: s.name, priceFen: 2990 + i, netWeightG: 2500 * (i + 1), stock: stock(s), ...(stockWas ? { stockWas: stockWas(s) } : {}) }))

  it('when a buyer orders while the farmer edits, saving the form keeps the sale: the farmer’s change is applied to the stock as it is now', async () => {
    const listing = await newListing()
    const [five] = listing.specs
    const opened = five.stock // the form shows this
    const buyer = await addBuyer(t)
    expect((await placeOrder(t, buyer, [{ specId: five.id, quantity: 3 }])).statusCode).toBe(201)
    // the farmer adds 10 in the form and saves
    const res = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { specs: specsOf(listing, (s) => s.stock + 10, (s) => s.stock) }))
    expect(res.statusCode).toBe(200)
    const saved = res.json().listing.specs.find((s: { id: number }) => s.id === five.id)
    expect(saved.stock).toBe(opened - 3 + 10)
    expect(saved.priceFen).toBe(2990)
  })

  it('a farmer lowering the stock below what was sold meanwhile stops at zero', async () => {
    const listing = await newListing()
    const [five] = listing.specs
    const buyer = await addBuyer(t)
    expect((await placeOrder(t, buyer, [{ specId: five.id, quantity: five.stock - 1 }])).statusCode).toBe(201)
    const res = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { specs: specsOf(listing, () => 0, (s) => s.stock) }))
    expect(res.statusCode).toBe(200)
    expect(res.json().listing.specs.map((s: { stock: number }) => s.stock)).toEqual([0, 0])
  })

  it('without the stock it started from, a save sets the stock as given', async () => {
    const listing = await newListing()
    const res = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { specs: specsOf(listing, () => 7) }))
    expect(res.json().listing.specs.map((s: { stock: number }) => s.stock)).toEqual([7, 7])
  })

  it('refuses a stockWas that is not a whole number of units', async () => {
    const listing = await newListing()
    const res = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { specs: specsOf(listing, () => 7, () => -1) }))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })
})

describe('stock, pause and sold out', () => {
  it('adjusts one spec’s stock, never below zero', async () => {
    const listing = await newListing()
    const spec = listing.specs[0]
    const plus = await call('POST', `/api/v1/farmer/specs/${spec.id}/stock`, { delta: 5 })
    expect(plus.json()).toEqual({ specId: spec.id, stock: 45, productStatus: 'on_sale' })
    expect((await call('POST', `/api/v1/farmer/specs/${spec.id}/stock`, { delta: -45 })).json().stock).toBe(0)
    const below = await call('POST', `/api/v1/farmer/specs/${spec.id}/stock`, { delta: -1 })
    expect(below.statusCode).toBe(409)
    expect(below.json().error.code).toBe('STOCK_BELOW_ZERO')
    expect((await call('POST', `/api/v1/farmer/specs/${spec.id}/stock`, { delta: 0 })).statusCode).toBe(400)
  })

  it('pauses (hidden from buyers), resumes, sells out and comes back when restocked', async () => {
    const listing = await newListing()
    const shown = () => t.app.inject({ method: 'GET', url: `/api/v1/products?limit=50` }).then((r) => r.json().items.some((p: { id: number }) => p.id === listing.id))
    expect(await shown()).toBe(true)
    expect((await call('POST', `/api/v1/farmer/products/${listing.id}/pause`)).json().status).toBe('paused')
    expect(await shown()).toBe(false)
    expect((await call('POST', `/api/v1/farmer/products/${listing.id}/resume`)).json().status).toBe('on_sale')
    const soldOut = (await call('POST', `/api/v1/farmer/products/${listing.id}/sold-out`)).json()
    expect(soldOut.status).toBe('sold_out')
    expect(soldOut.specs.every((s: { stock: number }) => s.stock === 0)).toBe(true)
    expect((await call('POST', `/api/v1/farmer/products/${listing.id}/resume`)).json().error.code).toBe('NO_STOCK')
    const restock = await call('POST', `/api/v1/farmer/specs/${listing.specs[1].id}/stock`, { delta: 8 })
    expect(restock.json()).toMatchObject({ stock: 8, productStatus: 'on_sale' })
    await call('POST', `/api/v1/farmer/products/${listing.id}/sold-out`)
    const edited = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { specs: [{ id: listing.specs[0].id, name: '5斤装', priceFen: 2990, netWeightG: 2500, stock: 6 }, { id: listing.specs[1].id, name: '10斤装', priceFen: 5490, netWeightG: 5000, stock: 0 }] }))
    expect(edited.json().listing.status).toBe('on_sale')
  })
})

describe('deleting', () => {
  it('deletes a product never ordered', async () => {
    const listing = await newListing()
    expect((await call('DELETE', `/api/v1/farmer/products/${listing.id}`)).statusCode).toBe(204)
    expect((await call('GET', `/api/v1/farmer/products/${listing.id}`)).statusCode).toBe(404)
  })

  it('refuses to delete an ordered product or drop an ordered spec, and suggests pausing', async () => {
    const listing = await newListing()
    const buyer = await addBuyer(t)
    expect((await placeOrder(t, buyer, [{ specId: listing.specs[0].id, quantity: 2 }])).statusCode).toBe(201)
    const del = await call('DELETE', `/api/v1/farmer/products/${listing.id}`)
    expect(del.statusCode).toBe(409)
    expect(del.json().error).toMatchObject({ code: 'PRODUCT_HAS_ORDERS', message: expect.stringMatching(/pause/) })
    expect((await call('GET', `/api/v1/farmer/products/${listing.id}`)).json()).toMatchObject({ hasOrders: true })
    const drop = await call('PUT', `/api/v1/farmer/products/${listing.id}`, listingBody([photo], { specs: [{ id: listing.specs[1].id, name: '10斤装', priceFen: 5490, netWeightG: 5000, stock: 20 }] }))
    expect(drop.json().error.code).toBe('SPEC_HAS_ORDERS')
    // The order took its stock at placement: what is left to sell is 40 − 2.
    expect((await call('GET', `/api/v1/farmer/products/${listing.id}`)).json().specs[0].stock).toBe(38)
  })
})
