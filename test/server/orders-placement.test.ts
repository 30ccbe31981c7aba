import crypto from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { checkouts, orderEvents, orders } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative, addFarmer, addProduct } from '../support/catalog-builders'
import { addBuyer, placeOrder, setShipping, stockOf, type TestBuyer } from '../support/order-builders'

let t: TestApp
let appleSpec: number
let bigAppleSpec: number
let kiwiSpec: number
let appleFarmer: number
let kiwiFarmer: number

beforeAll(async () => {
  t = await startTestApp()
  const db = t.store.db
  const coop = await addCooperative(db)
  appleFarmer = (await addFarmer(db, coop.id, { name: '张国华' })).id
  kiwiFarmer = (await addFarmer(db, coop.id, { name: '李春梅' })).id
  const apple = await addProduct(db, appleFarmer, { title: '威宁苹果' }, [
    { name: '5斤装', priceFen: 2990, stock: 100 },
    { name: '10斤装', priceFen: 5490, stock: 100 },
  ])
  appleSpec = apple.specs[0].id
  bigAppleSpec = apple.specs[1].id
  kiwiSpec = (await addProduct(db, kiwiFarmer, { title: '修文猕猴桃' }, [{ name: '整箱', priceFen: 6800, unit: '箱', stock: 100 }])).specs[0].id
  await setShipping(t, appleFarmer, 800, 5000)
  await setShipping(t, kiwiFarmer, 1000, null)
})
afterAll(() => t.close())

describe('pricing a cart', () => {
  it('groups lines by farmer, adds each farmer’s shipping (free above the threshold) and totals in fen', async () => {
    const buyer = await addBuyer(t)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checkout/preview',
      headers: buyer.auth,
      payload: { items: [{ specId: appleSpec, quantity: 1 }, { specId: kiwiSpec, quantity: 2 }, { specId: appleSpec, quantity: 1 }] },
    })
    expect(res.statusCode).toBe(200)
    const preview = res.json()
    const apple = preview.groups.find((g: { farmer: { id: number } }) => g.farmer.id === appleFarmer)
    const kiwi = preview.groups.find((g: { farmer: { id: number } }) => g.farmer.id === kiwiFarmer)
    // two 5斤 boxes merged into one line: 5980 ≥ 5000, so shipping is free
    expect(apple).toMatchObject({ itemsFen: 5980, shippingFen: 0, totalFen: 5980 })
    expect(apple.lines).toHaveLength(1)
    expect(kiwi).toMatchObject({ itemsFen: 13600, shippingFen: 1000, totalFen: 14600 })
    expect(preview).toMatchObject({ itemsFen: 19580, shippingFen: 1000, totalFen: 20580, orderable: true })
  })

  it('flags a line asking for more than the stock and makes the cart not orderable', async () => {
    const buyer = await addBuyer(t)
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/checkout/preview', headers: buyer.auth, payload: { items: [{ specId: kiwiSpec, quantity: 500 }] } })
    expect(res.json().groups[0].lines[0].problem).toBe('INSUFFICIENT_STOCK')
    expect(res.json().orderable).toBe(false)
  })

  it('refuses a price sent by the client: the server computes every price', async () => {
    const buyer = await addBuyer(t)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checkout/preview',
      headers: buyer.auth,
      payload: { items: [{ specId: appleSpec, quantity: 1, priceFen: 1 }] },
    })
    expect(res.statusCode).toBe(400)
  })
})

describe('placing orders', () => {
  it('splits a cart into one order per farmer under one checkout, reserving stock', async () => {
    const buyer = await addBuyer(t)
    const before = [await stockOf(t, appleSpec), await stockOf(t, kiwiSpec)]
    const res = await placeOrder(t, buyer, [{ specId: appleSpec, quantity: 1 }, { specId: kiwiSpec, quantity: 1 }], undefined, '请放门卫')
    expect(res.statusCode).toBe(201)
    const checkout = res.json()
    expect(checkout.orders).toHaveLength(2)
    expect(new Set(checkout.orders.map((o: { orderNo: string }) => o.orderNo)).size).toBe(2)
    expect(checkout.totalFen).toBe(2990 + 800 + 6800 + 1000)
    expect(checkout.orders.every((o: { status: string }) => o.status === 'pending_payment')).toBe(true)
    expect([await stockOf(t, appleSpec), await stockOf(t, kiwiSpec)]).toEqual([before[0] - 1, before[1] - 1])
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${checkout.orders[0].id}`, headers: buyer.auth })
    expect(detail.json()).toMatchObject({ note: '请放门卫', address: { city: '贵阳市' }, events: [{ fromStatus: null, toStatus: 'pending_payment', actor: 'buyer' }] })
  })

  it('when 50 buyers race for a spec with stock 10, exactly 10 orders reserve it and stock never goes negative', async () => {
    const { id: farmerId } = await addFarmer(t.store.db, (await addCooperative(t.store.db)).id, { name: '抢购农户' })
    const spec = (await addProduct(t.store.db, farmerId, { title: '最后十箱' }, [{ name: '整箱', stock: 10, unit: '箱' }])).specs[0].id
    const buyers: TestBuyer[] = []
    for (let i = 0; i < 50; i++) buyers.push(await addBuyer(t))
    const results = await Promise.all(buyers.map((b) => placeOrder(t, b, [{ specId: spec, quantity: 1 }])))
    const codes = results.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(10)
    expect(codes.filter((c) => c === 409)).toHaveLength(40)
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('INSUFFICIENT_STOCK')
    expect(await stockOf(t, spec)).toBe(0)
    const [{ n }] = await t.store.db.select({ n: count() }).from(orders).where(eq(orders.farmerId, farmerId))
    expect(n).toBe(10)
  })

  it('a retried placement with the same Idempotency-Key returns the same orders, even when retried concurrently', async () => {
    const buyer = await addBuyer(t)
    const key = crypto.randomUUID()
    const before = await stockOf(t, bigAppleSpec)
    const results = await Promise.all(Array.from({ length: 5 }, () => placeOrder(t, buyer, [{ specId: bigAppleSpec, quantity: 2 }], key)))
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201])
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1)
    const again = await placeOrder(t, buyer, [{ specId: bigAppleSpec, quantity: 2 }], key)
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(results[0].json().id)
    expect(await stockOf(t, bigAppleSpec)).toBe(before - 2)
    const [{ n }] = await t.store.db.select({ n: count() }).from(checkouts).where(eq(checkouts.idempotencyKey, key))
    expect(n).toBe(1)
  })

  it('the same Idempotency-Key with another body is a 409 and changes nothing', async () => {
    const buyer = await addBuyer(t)
    const key = crypto.randomUUID()
    expect((await placeOrder(t, buyer, [{ specId: appleSpec, quantity: 1 }], key)).statusCode).toBe(201)
    const stock = await stockOf(t, appleSpec)
    const res = await placeOrder(t, buyer, [{ specId: appleSpec, quantity: 3 }], key)
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await stockOf(t, appleSpec)).toBe(stock)
  })

  it('refuses a paused product and leaves stock alone', async () => {
    const paused = await addProduct(t.store.db, appleFarmer, { title: '暂停苹果', status: 'paused' }, [{ stock: 5 }])
    const buyer = await addBuyer(t)
    const res = await placeOrder(t, buyer, [{ specId: paused.specs[0].id, quantity: 1 }])
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('PRODUCT_UNAVAILABLE')
    expect(await stockOf(t, paused.specs[0].id)).toBe(5)
  })
})

describe('a buyer’s own orders', () => {
  let alice: TestBuyer
  let bob: TestBuyer
  let orderId: number
  let checkoutId: number

  beforeAll(async () => {
    alice = await addBuyer(t)
    bob = await addBuyer(t)
    const placed = (await placeOrder(t, alice, [{ specId: kiwiSpec, quantity: 1 }])).json()
    orderId = placed.orders[0].id
    checkoutId = placed.id
  })

  it('another buyer cannot read or cancel it: 404, and nothing changes', async () => {
    for (const [method, url] of [
      ['GET', `/api/v1/orders/${orderId}`],
      ['POST', `/api/v1/orders/${orderId}/cancel`],
      ['POST', `/api/v1/orders/${orderId}/confirm-receipt`],
      ['GET', `/api/v1/checkouts/${checkoutId}`],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: bob.auth, ...(method === 'POST' ? { payload: {} } : {}) })
      expect(res.statusCode).toBe(404)
    }
    const mine = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: alice.auth })
    expect(mine.json().status).toBe('pending_payment')
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: bob.auth })).json().items).toEqual([])
  })

  it('lists by status tab and pages by cursor', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orders?status=pending_payment&limit=1', headers: alice.auth })
    expect(res.json().items.map((o: { id: number }) => o.id)).toEqual([orderId])
    const paid = await t.app.inject({ method: 'GET', url: '/api/v1/orders?status=paid', headers: alice.auth })
    expect(paid.json().items).toEqual([])
  })

  it('cancelling an unpaid order releases its stock and records who and why', async () => {
    const before = await stockOf(t, kiwiSpec)
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: alice.auth, payload: { reason: '买错了' } })
    expect(res.statusCode).toBe(200)
    expect(res.json().status).toBe('cancelled')
    expect(res.json().events.at(-1)).toMatchObject({ fromStatus: 'pending_payment', toStatus: 'cancelled', actor: 'buyer', reason: '买错了' })
    expect(await stockOf(t, kiwiSpec)).toBe(before + 1)
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: alice.auth, payload: {} })
    expect(again.statusCode).toBe(409)
    expect(await stockOf(t, kiwiSpec)).toBe(before + 1)
    const [{ n }] = await t.store.db.select({ n: count() }).from(orderEvents).where(eq(orderEvents.orderId, orderId))
    expect(n).toBe(2)
  })

  it('confirming receipt of an order that was never shipped is a 409', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/confirm-receipt`, headers: alice.auth })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('ORDER_NOT_CONFIRMABLE')
  })
})

describe('bad input on order endpoints', () => {
  let buyer: TestBuyer
  beforeAll(async () => {
    buyer = await addBuyer(t)
  })

  it.each([
    ['no Idempotency-Key', {}, { items: [{ specId: 1, quantity: 1 }], addressId: 1 }, 400, 'VALIDATION_FAILED'],
    ['a short Idempotency-Key', { 'idempotency-key': 'abc' }, { items: [{ specId: 1, quantity: 1 }], addressId: 1 }, 400, 'VALIDATION_FAILED'],
    ['no items', { 'idempotency-key': 'key-12345678' }, { items: [], addressId: 1 }, 400, 'VALIDATION_FAILED'],
    ['a zero quantity', { 'idempotency-key': 'key-12345678' }, { items: [{ specId: 1, quantity: 0 }], addressId: 1 }, 400, 'VALIDATION_FAILED'],
    ['a huge quantity', { 'idempotency-key': 'key-12345678' }, { items: [{ specId: 1, quantity: 100000 }], addressId: 1 }, 400, 'VALIDATION_FAILED'],
    ['a quantity as text', { 'idempotency-key': 'key-12345678' }, { items: [{ specId: 1, quantity: '2' }], addressId: 1 }, 400, 'VALIDATION_FAILED'],
    ['a huge note', { 'idempotency-key': 'key-12345678' }, { items: [{ specId: 1, quantity: 1 }], addressId: 1, note: 'x'.repeat(5000) }, 400, 'VALIDATION_FAILED'],
    ['an unknown address', { 'idempotency-key': 'key-87654321' }, { items: [{ specId: 1, quantity: 1 }], addressId: 999999 }, 404, 'ADDRESS_NOT_FOUND'],
  ])('placing with %s is a %s', async (_n, headers, payload, status, code) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: { ...buyer.auth, ...headers }, payload })
    expect(res.statusCode).toBe(status)
    expect(res.json().error.code).toBe(code)
  })

  it('an unknown spec is a 404 and no checkout is left behind', async () => {
    const key = crypto.randomUUID()
    const res = await placeOrder(t, buyer, [{ specId: 987654, quantity: 1 }], key)
    expect(res.statusCode).toBe(404)
    const [{ n }] = await t.store.db.select({ n: count() }).from(checkouts).where(eq(checkouts.idempotencyKey, key))
    expect(n).toBe(0)
  })

  it.each([
    ['GET', '/api/v1/orders/abc'],
    ['GET', '/api/v1/orders?status=shipping'],
    ['GET', '/api/v1/orders?cursor=%%%'],
    ['GET', '/api/v1/checkouts/-5'],
    ['POST', '/api/v1/addresses'],
  ] as const)('%s %s is a 400', async (method, url) => {
    const res = await t.app.inject({ method, url, headers: buyer.auth, ...(method === 'POST' ? { payload: { name: '' } } : {}) })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toEqual({ code: expect.any(String), message: expect.any(String) })
  })

  it('order endpoints without a session are 401', async () => {
    for (const url of ['/api/v1/orders', '/api/v1/addresses', '/api/v1/orders/1']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401)
    }
  })
})
