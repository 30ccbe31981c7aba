/**
 * Who may see and move a claim: the buyer who filed it, the order's farmer, the managers of that
 * farmer's cooperative. Everyone else — another buyer, a farmer of the same cooperative who is
 * not the order's, another cooperative's farmer or manager — gets a 404 on every read and step,
 * as if it did not exist. And every body, query and path parameter is validated (400 with the
 * one error shape), as is the cooperative's view of refunds needing attention.
 */
import { eq } from 'drizzle-orm'
import { claims, refunds } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addManager, type Auth } from './coop-support'
import type { TestFarmer } from './fulfilment-fixtures'
import { addProduceFarmer, fileClaim, filed, photoOf, refundsOf, shippedOrder, step, type ClaimJson, type ShippedOrder } from './after-sales-fixtures'

let now = new Date('2026-11-09T02:00:00Z')
let t: TestApp
let zhang: TestFarmer
let li: TestFarmer
let wang: TestFarmer
let alice: TestBuyer
let bob: TestBuyer
let manager: Auth
let otherManager: Auth
let order: ShippedOrder
let claim: ClaimJson
let apple: number

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db)
  const other = await addCooperative(t.store.db, { name: '赫章县核桃专业合作社', county: '赫章县' })
  zhang = await addProduceFarmer(t, coop.id, '张国华')
  li = await addProduceFarmer(t, coop.id, '李秀英')
  wang = await addProduceFarmer(t, other.id, '王大山')
  apple = zhang.specIds[0]
  alice = await addBuyer(t)
  bob = await addBuyer(t)
  manager = await addManager(t, coop.id)
  otherManager = await addManager(t, other.id)
  order = await shippedOrder(t, alice, zhang, [{ specId: apple, quantity: 10 }], true)
  claim = await filed(t, alice, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 3 }] })
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(now.getTime() + 60_000)
})

const get = (url: string, auth: Auth) => t.app.inject({ method: 'GET', url, headers: auth })

function expectError(res: { statusCode: number; json: () => { error: { code: string; message: string } } }, status: number, code: string) {
  expect(res.statusCode).toBe(status)
  expect(res.json()).toEqual({ error: { code, message: expect.any(String) } })
}

async function expectUnchanged() {
  const [row] = await t.store.db.select().from(claims).where(eq(claims.id, claim.id))
  expect(row.status).toBe('open')
  expect(await refundsOf(t, order.orderId)).toEqual([])
}

describe('someone else’s claim is a 404', () => {
  it('another buyer: not on GET, not on any buyer step, not on the order’s claims, and cannot file on the order', async () => {
    expectError(await get(`/api/v1/claims/${claim.id}`, bob.auth), 404, 'NOT_FOUND')
    expectError(await get(`/api/v1/orders/${order.orderId}/claims`, bob.auth), 404, 'NOT_FOUND')
    for (const name of ['accept-offer', 'ask-cooperative', 'withdraw']) expectError(await step(t, 'buyer', bob.auth, claim.id, name), 404, 'NOT_FOUND')
    expectError(await fileClaim(t, bob, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] }), 404, 'NOT_FOUND')
    await expectUnchanged()
  })

  const farmerSteps: [string, object | undefined][] = [
    ['accept', undefined],
    ['offer', { amountFen: 100 }],
    ['contest', { note: '不同意' }],
  ]

  it('a farmer of the same cooperative who is not the order’s farmer, and another cooperative’s farmer', async () => {
    for (const farmer of [li, wang]) {
      expectError(await get(`/api/v1/farmer/claims/${claim.id}`, farmer.auth), 404, 'NOT_FOUND')
      for (const [name, body] of farmerSteps) expectError(await step(t, 'farmer', farmer.auth, claim.id, name, body), 404, 'NOT_FOUND')
      expect((await get('/api/v1/farmer/claims', farmer.auth)).json()).toEqual({ items: [], nextCursor: null })
    }
    await expectUnchanged()
  })

  it('another cooperative’s manager', async () => {
    expectError(await get(`/api/v1/coop/claims/${claim.id}`, otherManager), 404, 'NOT_FOUND')
    expectError(await step(t, 'coop', otherManager, claim.id, 'decide', { amountFen: 100, borneBy: 'cooperative', note: '越权' }), 404, 'NOT_FOUND')
    expect((await get('/api/v1/coop/claims', otherManager)).json()).toEqual({ items: [], nextCursor: null })
    await expectUnchanged()
  })

  it('each side sees it where it belongs, with its own buttons', async () => {
    expect((await get(`/api/v1/claims/${claim.id}`, alice.auth)).json()).toMatchObject({ id: claim.id, actions: ['withdraw'] })
    expect((await get(`/api/v1/farmer/claims/${claim.id}`, zhang.auth)).json()).toMatchObject({ id: claim.id, actions: ['accept', 'offer', 'contest'] })
    expect((await get(`/api/v1/coop/claims/${claim.id}`, manager)).json()).toMatchObject({ id: claim.id, actions: [] })
    expect((await get('/api/v1/coop/claims', manager)).json().items.map((c: ClaimJson) => c.id)).toEqual([claim.id])
  })

  it('the wrong role is a 403 and no session a 401', async () => {
    expectError(await get('/api/v1/farmer/claims', alice.auth), 403, 'FORBIDDEN')
    expectError(await get('/api/v1/coop/claims', zhang.auth), 403, 'FORBIDDEN')
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/claims/${claim.id}` }), 401, 'UNAUTHORIZED')
  })
})

describe('every parameter is validated', () => {
  const line = () => ({ orderItemId: order.lineOf.get(apple)!.id, affected: 1 })

  it('filing: a bad reason, 7 photos, nothing or zero affected, a measure other than g or unit, unknown fields, no Idempotency-Key → 400 VALIDATION_FAILED', async () => {
    const bodies = [
      { reason: 'rotten', photos: [], lines: [line()] },
      { reason: 'damaged', photos: Array.from({ length: 7 }, (_, i) => `u/p${i}`), lines: [line()] },
      { reason: 'damaged', photos: [], lines: [] },
      { reason: 'damaged', photos: [], lines: [{ ...line(), affected: 0 }] },
      { reason: 'damaged', photos: [], lines: [{ ...line(), affected: -2 }] },
      { reason: 'damaged', photos: [], lines: [{ ...line(), affected: 1.5 }] },
      { reason: 'damaged', photos: [], lines: [{ ...line(), measure: 'kg' }] },
      { reason: 'damaged', photos: [], lines: [{ ...line(), measure: null }] },
      { reason: 'damaged', photos: ['../etc/passwd'], lines: [line()] },
      { reason: 'damaged', photos: [], lines: [line()], amountFen: 100 },
      { reason: 'damaged', note: '长'.repeat(201), photos: [], lines: [line()] },
      { reason: 'damaged', lines: [line()] },
    ]
    for (const body of bodies) expectError(await fileClaim(t, alice, order.orderId, body), 400, 'VALIDATION_FAILED')
    const noKey = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.orderId}/claims`, headers: alice.auth, payload: bodies[0] })
    expectError(noKey, 400, 'VALIDATION_FAILED')
    expectError(await fileClaim(t, alice, order.orderId, { reason: 'damaged', photos: [], lines: [line()] }, 'short'), 400, 'VALIDATION_FAILED')
    expectError(await fileClaim(t, alice, 'abc', { reason: 'damaged', photos: [], lines: [line()] }), 400, 'VALIDATION_FAILED')
    expectError(await fileClaim(t, alice, 0, { reason: 'damaged', photos: [], lines: [line()] }), 400, 'VALIDATION_FAILED')
  })

  it('filing: a photo the buyer did not upload, or a line of another order → 400 with its own code', async () => {
    const bobsPhoto = await photoOf(t, bob)
    expectError(await fileClaim(t, alice, order.orderId, { reason: 'damaged', photos: [bobsPhoto], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] }), 400, 'UNKNOWN_PHOTO')
    expectError(await fileClaim(t, alice, order.orderId, { reason: 'damaged', photos: ['u/never-uploaded'], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] }), 400, 'UNKNOWN_PHOTO')
    const another = await shippedOrder(t, alice, zhang, [{ specId: apple, quantity: 1 }])
    expectError(await fileClaim(t, alice, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: another.lineOf.get(apple)!.id, affected: 1 }] }), 400, 'INVALID_CLAIM_LINE')
    const twice = { orderItemId: another.lineOf.get(apple)!.id, affected: 1 }
    expectError(await fileClaim(t, alice, another.orderId, { reason: 'damaged', photos: [], lines: [twice, twice] }), 400, 'INVALID_CLAIM_LINE')
    expectError(await fileClaim(t, alice, 987654, { reason: 'damaged', photos: [], lines: [twice] }), 404, 'NOT_FOUND')
  })

  it('steps: a negative or fractional amount, a bad bearer, an empty note, unknown fields, a bad id → 400, and nothing changes', async () => {
    const cases: [('farmer' | 'coop'), Auth, string | number, string, object][] = [
      ['farmer', zhang.auth, claim.id, 'offer', { amountFen: -1 }],
      ['farmer', zhang.auth, claim.id, 'offer', { amountFen: 10.5 }],
      ['farmer', zhang.auth, claim.id, 'offer', { amountFen: '100' }],
      ['farmer', zhang.auth, claim.id, 'offer', { amountFen: 100, borneBy: 'farmer' }],
      ['farmer', zhang.auth, claim.id, 'contest', { note: '' }],
      ['farmer', zhang.auth, claim.id, 'contest', {}],
      ['farmer', zhang.auth, 'abc', 'accept', {}],
      ['coop', manager, claim.id, 'decide', { amountFen: -5, borneBy: 'farmer', note: '负数' }],
      ['coop', manager, claim.id, 'decide', { amountFen: 5, borneBy: 'buyer', note: '谁' }],
      ['coop', manager, claim.id, 'decide', { amountFen: 5, borneBy: 'farmer' }],
      ['coop', manager, 0, 'decide', { amountFen: 5, borneBy: 'farmer', note: '零' }],
    ]
    for (const [side, auth, id, name, body] of cases) expectError(await step(t, side, auth, id, name, body), 400, 'VALIDATION_FAILED')
    await expectUnchanged()
  })

  it('lists: a bad status, limit, cursor or unknown query parameter → 400', async () => {
    for (const query of ['status=closed', 'limit=0', 'limit=51', 'limit=ten', 'page=2', 'cursor=']) {
      expectError(await get(`/api/v1/farmer/claims?${query}`, zhang.auth), 400, 'VALIDATION_FAILED')
      expectError(await get(`/api/v1/coop/claims?${query}`, manager), 400, 'VALIDATION_FAILED')
    }
    expectError(await get('/api/v1/farmer/claims?cursor=bm90LWEtY3Vyc29y', zhang.auth), 400, 'INVALID_CURSOR')
    expectError(await get('/api/v1/coop/claims?cursor=%7B%7D', manager), 400, 'INVALID_CURSOR')
    expectError(await get(`/api/v1/claims/${claim.id}?x=1`, alice.auth), 400, 'VALIDATION_FAILED')
    expectError(await get('/api/v1/coop/refunds/attention?all=1', manager), 400, 'VALIDATION_FAILED')
  })
})

describe('refunds needing the cooperative’s attention', () => {
  it('an ABNORMAL refund of a claim shows for its manager only, who resolves it with a note; another manager gets 404', async () => {
    const abnormal = await shippedOrder(t, alice, zhang, [{ specId: apple, quantity: 2 }], true)
    const c = await filed(t, alice, abnormal.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: abnormal.lineOf.get(apple)!.id, affected: 1 }] })
    expect((await step(t, 'farmer', zhang.auth, c.id, 'accept')).statusCode).toBe(200)
    t.app.sandbox!.pay.switches.nextRefundOutcome = 'ABNORMAL'
    await t.app.jobs.runDue(now)
    await t.app.sandbox!.pay.whenIdle()
    await t.app.jobs.runDue(now)
    const [refund] = await t.store.db.select().from(refunds).where(eq(refunds.claimId, c.id))
    expect(refund.status).toBe('abnormal')

    const list = await get('/api/v1/coop/refunds/attention', manager)
    expect(list.statusCode).toBe(200)
    expect(list.json().items).toEqual([expect.objectContaining({ id: refund.id, orderId: abnormal.orderId, kind: 'after_sale', status: 'abnormal', amountFen: 2990, farmerName: '张国华', resolvedAt: null })])
    expect((await get('/api/v1/coop/refunds/attention', otherManager)).json()).toEqual({ items: [] })

    const resolve = (auth: Auth, body: object, id: number | string = refund.id) => t.app.inject({ method: 'POST', url: `/api/v1/coop/refunds/${id}/resolve`, headers: auth, payload: body })
    expectError(await resolve(otherManager, { note: '越权' }), 404, 'NOT_FOUND')
    expectError(await resolve(manager, { note: '' }), 400, 'VALIDATION_FAILED')
    expectError(await resolve(manager, { note: '好', extra: 1 }), 400, 'VALIDATION_FAILED')
    expectError(await resolve(manager, { note: '好' }, 'x'), 400, 'VALIDATION_FAILED')
    expectError(await resolve(zhang.auth, { note: '农户' }), 403, 'FORBIDDEN')
    const done = await resolve(manager, { note: '已线下转账给买家' })
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({ id: refund.id, resolvedAt: now.toISOString(), resolvedNote: '已线下转账给买家' })
    expect((await get('/api/v1/coop/refunds/attention', manager)).json().items).toEqual([])
  })

  it('a refund that needs nothing cannot be resolved', async () => {
    const fine = await shippedOrder(t, alice, zhang, [{ specId: apple, quantity: 2 }], true)
    const c = await filed(t, alice, fine.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: fine.lineOf.get(apple)!.id, affected: 1 }] })
    await step(t, 'farmer', zhang.auth, c.id, 'accept')
    const [refund] = await refundsOf(t, fine.orderId)
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/coop/refunds/${refund.id}/resolve`, headers: manager, payload: { note: '没事' } })
    expectError(res, 409, 'REFUND_NOT_RESOLVABLE')
  })
})


describe('documentation', () => {
  it('every after-sales endpoint is in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths)
    for (const p of [
      '/api/v1/orders/{id}/claims',
      '/api/v1/claims/{id}',
      '/api/v1/claims/{id}/accept-offer',
      '/api/v1/claims/{id}/ask-cooperative',
      '/api/v1/claims/{id}/withdraw',
      '/api/v1/farmer/claims',
      '/api/v1/farmer/claims/{id}',
      '/api/v1/farmer/claims/{id}/accept',
      '/api/v1/farmer/claims/{id}/offer',
      '/api/v1/farmer/claims/{id}/contest',
      '/api/v1/coop/claims',
      '/api/v1/coop/claims/{id}',
      '/api/v1/coop/claims/{id}/decide',
      '/api/v1/coop/refunds/attention',
      '/api/v1/coop/refunds/{id}/resolve',
    ])
      expect(paths).toContain(p)
  })
})
