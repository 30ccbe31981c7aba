/**
 * Fuzzes every operation of the OpenAPI document (read from the running app, so new modules are
 * covered without touching this file) with hostile input — wrong types, 100 KB strings, NUL and
 * other control characters, nesting 2,000 deep, `__proto__`/`constructor` keys, 100,000-item
 * arrays, empty and broken JSON, bad path parameters and headers — sent with a token that holds
 * every role (buyer, farmer, cooperative manager), so protected routes get past authentication.
 *
 * Asserted for every answer: never a 5xx; every 4xx is `{error:{code,message}}` — WeChat Pay's
 * `{code:'FAIL',message}` on its notify routes, WeChat's own shapes on the sandbox's fake WeChat
 * servers. Also: a control character is CONTROL_CHARACTERS, and a protected route without a token
 * is 401 whatever the body. Deterministic (seed below).
 *
 * Not everything applies everywhere, and what is left out is listed here, not skipped silently:
 * - POST /api/v1/uploads takes a raw image body: fuzzed with its headers, JSON and text bodies
 *   (415), control characters, but not with image bytes (test/server/uploads.test.ts does those).
 * - the notify routes and the sandbox's signed WeChat Pay API keep the body as raw text (the
 *   signature covers it): an escaped `\u0000` inside their JSON reaches the signature check (a 4xx),
 *   so CONTROL_CHARACTERS is expected there only for raw control characters.
 */
import crypto from 'node:crypto'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { userRoles } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addFarmer } from '../support/catalog-builders'
import { addBuyer, placeOrder } from '../support/order-builders'
import { coopFixture } from './coop-support'
import * as v from './fuzz-values'

const SEED = 20260514
const random = v.seeded(SEED)

type Shape = 'ours' | 'wechat-notify' | 'wechat-sandbox'
interface Param {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: v.Schema
}
interface Operation {
  method: string
  path: string
  secured: boolean
  params: Param[]
  body: v.Schema | null
  shape: Shape
  /** The body is kept as raw text (signed WeChat messages) or raw bytes (uploads). */
  rawBody: boolean
}
interface OpenApiOperation {
  security?: object[]
  parameters?: Param[]
  requestBody?: { content?: Record<string, { schema?: v.Schema }> }
}
interface Case {
  label: string
  request: InjectOptions
  expect?: { status?: number; code?: string }
}

const RAW_BODY = [/\/wechat\/notify$/, /^\/api\/v1\/uploads$/, /^\/sandbox\/wechat\/pay\/v3\//, /^\/sandbox\/wechat\/wxa\/|^\/sandbox\/wechat\/cgi-bin\/message\//]
const shapeOf = (path: string): Shape => (/\/wechat\/notify$/.test(path) ? 'wechat-notify' : path.startsWith('/sandbox/') ? 'wechat-sandbox' : 'ours')

let t: TestApp
let operations: Operation[]
let deref: (s: v.Schema) => v.Schema
let everyone: { authorization: string }

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => new Date('2026-05-14T02:00:00Z') })
  const fx = await coopFixture(t)
  // One user with every role: a buyer with an address and an order, a farmer, a manager.
  const buyer = await addBuyer(t, `fuzz-everyone-${crypto.randomUUID()}`)
  const placed = await placeOrder(t, buyer, [{ specId: fx.appleSpec, quantity: 1 }])
  if (placed.statusCode !== 201) throw new Error(`place: ${placed.statusCode} ${placed.body}`)
  const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: buyer.auth })).json()
  await addFarmer(t.store.db, fx.coop.id, { userId: me.id, name: '王大山', village: '草海镇新华村' })
  await t.store.db.insert(userRoles).values([{ userId: me.id, role: 'farmer' }, { userId: me.id, role: 'coop_admin', cooperativeId: fx.coop.id }])
  everyone = buyer.auth

  const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, OpenApiOperation>>; components?: { schemas?: Record<string, v.Schema> } }
  deref = v.resolver(doc.components?.schemas ?? {})
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      secured: Array.isArray(op.security) && op.security.length > 0 && op.security.every((s) => Object.keys(s).length > 0),
      params: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
      shape: shapeOf(path),
      rawBody: RAW_BODY.some((pattern) => pattern.test(path)),
    })),
  )
}, 60_000)
afterAll(() => t.close())

/** A request the schemas accept, to which one hostile change is made at a time. */
function baseline(op: Operation) {
  const params = Object.fromEntries(op.params.map((p) => [`${p.in}:${p.name}`, String(v.validValue(p.schema, deref))]))
  const idempotencyKey = random.token(24)
  const build = (change: { path?: Record<string, string>; query?: Record<string, string | string[]>; rawQuery?: string; headers?: Record<string, string>; body?: unknown; rawBody?: string; contentType?: string; anonymous?: boolean } = {}): InjectOptions => {
    let url = op.path
    for (const p of op.params.filter((p) => p.in === 'path')) url = url.replace(`{${p.name}}`, change.path?.[p.name] ?? encodeURIComponent(params[`path:${p.name}`]))
    const query = new URLSearchParams()
    for (const p of op.params.filter((p) => p.in === 'query' && p.required)) query.set(p.name, params[`query:${p.name}`])
    for (const [name, value] of Object.entries(change.query ?? {})) {
      query.delete(name)
      for (const one of Array.isArray(value) ? value : [value]) query.append(name, one)
    }
    const headers: Record<string, string> = {}
    for (const p of op.params.filter((p) => p.in === 'header' && p.required)) headers[p.name] = p.name === 'idempotency-key' ? idempotencyKey : params[`header:${p.name}`]
    if (op.method === 'POST' && !headers['idempotency-key']) headers['idempotency-key'] = idempotencyKey
    if (!change.anonymous) Object.assign(headers, op.path === '/api/v1/auth/logout' ? { authorization: `Bearer ${random.token(40)}` } : everyone)
    Object.assign(headers, change.headers)
    const withBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method) && (change.body !== undefined || change.rawBody !== undefined || op.body !== null)
    const payload = change.rawBody ?? (withBody ? JSON.stringify(change.body !== undefined ? change.body : op.body ? v.validValue(op.body, deref) : {}) : undefined)
    if (payload !== undefined) headers['content-type'] = change.contentType ?? 'application/json'
    const search = [query.toString(), change.rawQuery].filter(Boolean).join('&')
    return { method: op.method as InjectOptions['method'], url: search ? `${url}?${search}` : url, headers, payload }
  }
  return build
}

function casesFor(op: Operation): Case[] {
  const build = baseline(op)
  // NUL always (PostgreSQL refuses it in text: a 500 without the guard), with one other control character.
  const control = () => `a${random.pick(v.CONTROLS)}b\u0000c`
  const refused = { status: 400, code: 'CONTROL_CHARACTERS' }
  const cases: Case[] = [{ label: 'the baseline request', request: build() }]
  if (op.secured) {
    cases.push({ label: 'no token, broken body', request: build({ anonymous: true, rawBody: '{"x":' }), expect: { status: 401, code: 'UNAUTHORIZED' } })
    cases.push({ label: 'unknown token, wrong body', request: build({ anonymous: true, headers: { authorization: `Bearer ${random.token(40)}` }, body: [1] }), expect: { status: 401, code: 'UNAUTHORIZED' } })
    cases.push({ label: 'malformed Authorization', request: build({ headers: { authorization: `Bearer ${'a'.repeat(5000)}` } }), expect: { status: 401, code: 'UNAUTHORIZED' } })
  }
  cases.push({ label: 'control character in a header', request: build({ headers: { 'x-fuzz': control() } }), expect: refused })
  for (const p of op.params) {
    // Path values are percent-encoded here; query values by URLSearchParams; headers go as they are.
    const set = (value: string) => (p.in === 'path' ? { path: { [p.name]: encodeURIComponent(value) } } : p.in === 'query' ? { query: { [p.name]: value } } : { headers: { [p.name]: value } })
    const bad = [String(v.wrongType(p.schema)), 'abc', '-1', '0', '1.5', '2147483648', '99999999999999999999', '', `${'x'.repeat(7000)}`]
    for (const value of bad) cases.push({ label: `${p.in} ${p.name} = ${value.slice(0, 24)}`, request: build(set(value)) })
    if (p.in !== 'header') {
      cases.push({ label: `${p.in} ${p.name} with a control character`, request: build(set(control())), expect: refused })
      cases.push({ label: `${p.in} ${p.name} with a tab`, request: build(set('a\tb')), expect: refused })
      const badEncoding = p.in === 'path' ? { path: { [p.name]: '%E0%A4%A' } } : { rawQuery: `${p.name}=%E0%A4%A` }
      cases.push({ label: `${p.in} ${p.name} with bad percent-encoding`, request: build(badEncoding) })
      cases.push({ label: `${p.in} ${p.name} 100 KB`, request: build(set('x'.repeat(100_000))) })
    } else {
      cases.push({ label: `header ${p.name} with a control character`, request: build(set(control())), expect: refused })
    }
    if (p.in === 'query') cases.push({ label: `query ${p.name} repeated`, request: build({ query: { [p.name]: ['1', 'b'] } }) })
  }
  // Object.fromEntries makes `__proto__` an own key (a literal would set the prototype instead).
  const hostileKeys = Object.fromEntries([['__proto__', 'x'], ['constructor', 'y'], ['unknownKey', 'z']])
  cases.push({ label: 'unknown and __proto__ query keys', request: build({ query: hostileKeys }) })
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method)) return cases

  // Bodies: whole-body cases, then one hostile field at a time.
  const whole: [string, unknown][] = [['an array', [1]], ['a string', 'x'], ['a number', 42], ['null', null], ['true', true], ['nesting 2,000 deep', v.deeplyNested(2000)], ['__proto__ and constructor keys', v.PROTO_OBJECT], ['100,000 items', v.HUGE_ARRAY]]
  for (const [label, body] of whole) cases.push({ label: `body is ${label}`, request: build({ body }) })
  cases.push({ label: 'empty JSON body', request: build({ rawBody: '' }) })
  cases.push({ label: 'broken JSON', request: build({ rawBody: '{"a":[1,' }) })
  cases.push({ label: 'body as text/plain', request: build({ rawBody: 'hello', contentType: 'text/plain' }) })
  cases.push({ label: 'body as XML', request: build({ rawBody: '<a/>', contentType: 'application/xml' }), expect: op.shape === 'wechat-sandbox' ? undefined : { status: 415 } })
  cases.push({ label: 'raw control character in the body text', request: build({ rawBody: `{"a":"x${random.pick(v.CONTROLS)}y"}` }), expect: { status: 400 } })
  const valid = op.body ? v.validValue(op.body, deref) : {}
  const fields: v.Field[] = op.body ? v.fieldsOf(op.body, deref) : [{ path: ['anything'], schema: {} }]
  // Per field: a wrong type and a control character everywhere; the costly values where they bite.
  for (const field of fields) {
    const at = (value: unknown) => build({ body: v.withValue(valid, field.path, value) })
    const name = field.path.join('.')
    const type = deref(field.schema).type
    cases.push({ label: `${name}: wrong type`, request: at(v.wrongType(deref(field.schema))) })
    cases.push({ label: `${name}: control character`, request: at(control()), expect: op.rawBody ? undefined : refused })
    if (type === 'string' || type === undefined) cases.push({ label: `${name}: 100 KB string`, request: at(v.HUGE_STRING) })
    if (type === 'array' || type === undefined) cases.push({ label: `${name}: 100,000 items`, request: at(v.HUGE_ARRAY) })
    if (type === 'array' || type === 'object' || type === undefined) cases.push({ label: `${name}: nesting 2,000 deep`, request: at(v.deeplyNested(2000)) })
    if (type === 'object' || type === undefined) cases.push({ label: `${name}: __proto__ keys`, request: at(v.PROTO_OBJECT) })
    const numeric = type === 'integer' || type === 'number'
    for (const n of numeric ? v.BAD_NUMBERS : [random.pick(v.BAD_NUMBERS)]) cases.push({ label: `${name}: ${n}`, request: at(n) })
  }
  return cases
}

/** What is wrong with the answer, or null. */
function fault(op: Operation, c: Case, res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 160)}`
  if (c.expect?.status !== undefined && res.statusCode !== c.expect.status) return `expected ${c.expect.status}, got ${res.statusCode} ${res.body.slice(0, 160)}`
  if (res.statusCode < 400) return null
  // The sandbox's cashier is a page for a browser: its 404 is a page too.
  if (op.shape === 'wechat-sandbox' && String(res.headers['content-type']).startsWith('text/html')) return null
  let body: { error?: { code?: unknown; message?: unknown }; code?: unknown; message?: unknown; errcode?: unknown; errmsg?: unknown } | null
  try {
    body = res.json()
  } catch {
    return `a ${res.statusCode} that is not JSON: ${res.body.slice(0, 80)}`
  }
  const ours = typeof body?.error?.code === 'string' && typeof body?.error?.message === 'string'
  const payShape = typeof body?.code === 'string' && typeof body?.message === 'string'
  const wechatApi = typeof body?.errcode === 'number' && typeof body?.errmsg === 'string'
  const shaped = op.shape === 'ours' ? ours : op.shape === 'wechat-notify' ? payShape && body?.code === 'FAIL' : ours || payShape || wechatApi
  if (!shaped) return `a ${res.statusCode} not in the ${op.shape} shape: ${res.body.slice(0, 160)}`
  // WeChat Pay's shape has no room for our code (it is always FAIL): the status says it there.
  // (The sandbox's fake WeChat answers in WeChat's codes: there only the status is checked.)
  if (c.expect?.code && op.shape === 'ours' && body?.error?.code !== c.expect.code) return `expected ${c.expect.code}, got ${String(body?.error?.code)}`
  return null
}

describe('every operation of the OpenAPI document holds against hostile input', () => {
  it('answers no 5xx and only shaped 4xx, control characters and missing tokens first', async () => {
    expect(operations.length).toBeGreaterThan(50)
    const faults: string[] = []
    let sent = 0
    for (const op of operations) {
      for (const c of casesFor(op)) {
        const res = await t.app.inject(c.request)
        sent++
        const problem = fault(op, c, res)
        if (problem) faults.push(`${op.method} ${op.path} — ${c.label}: ${problem}`)
      }
    }
    expect(faults).toEqual([])
    expect(sent).toBeGreaterThan(operations.length * 10)
  }, 180_000)

  it('lists the raw-body routes it cannot fuzz with JSON, and they exist', () => {
    const raw = operations.filter((op) => op.rawBody).map((op) => `${op.method} ${op.path}`)
    expect(raw).toEqual(expect.arrayContaining(['POST /api/v1/uploads', 'POST /api/v1/payments/wechat/notify', 'POST /api/v1/refunds/wechat/notify']))
  })
})
