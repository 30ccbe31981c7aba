/**
 * Every input refused cleanly: control characters, authentication before validation, and the
 * faults raised before a handler runs (413, 414, 415, 431, malformed HTTP) in our error shape —
 * WeChat Pay's `{code:'FAIL',message}` on its notify routes. 431, 414 and malformed headers come
 * from Node's parser, so they are sent over a real socket.
 */
import net from 'node:net'
import Fastify, { type FastifyRequest } from 'fastify'
import type { MeDto } from '@contracts/auth'
import { requireUser } from '../../server/src/http/auth-guard'
import { needsBearer } from '../../server/src/http/auth-first'
import { findControlCharacter } from '../../server/src/http/control-characters'
import { installErrorHandling } from '../../server/src/http/errors'
import type { AuthService } from '../../server/src/modules/auth'
import { registerNotifyRoute } from '../../server/src/modules/payments'
import { startTestApp, type TestApp } from '../support/app'
import { addBuyer, type TestBuyer } from '../support/order-builders'

let t: TestApp
let buyer: TestBuyer

beforeAll(async () => {
  t = await startTestApp()
  buyer = await addBuyer(t)
})
afterAll(() => t.close())

const address = { name: '林晓', phone: '13800000000', province: '贵州省', city: '贵阳市', district: '观山湖区', detail: '林城西路 1 号' }

/** Raw bytes over a socket to the listening app; resolves with everything it answers before closing. */
function rawRequest(head: string): Promise<{ status: number; headers: string; body: string }> {
  const { port } = t.app.server.address() as net.AddressInfo
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head))
    let data = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (data += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [headers, body = ''] = data.split('\r\n\r\n')
      resolve({ status: Number(headers.split(' ')[1]), headers, body })
    })
  })
}

describe('control characters', () => {
  it('refuses NUL in the catalogue search with CONTROL_CHARACTERS on either store', async () => {
    const res = await t.app.inject({ url: '/api/v1/products?q=%00' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('CONTROL_CHARACTERS')
  })

  it.each([
    ['a nested body string', { ...address, detail: '林城西路\u00001 号' }],
    ['an escape character in a body string', { ...address, name: '林\u001b[31m晓' }],
    ['DEL in a body string', { ...address, city: '贵阳\u007f' }],
    ['a control character in a body key', { ...address, ['x\u0001']: 1 }],
  ])('refuses %s before validation', async (_label, payload) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/addresses', headers: buyer.auth, payload })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('CONTROL_CHARACTERS')
  })

  it('keeps line breaks and tabs in body text: they are text', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/addresses', headers: buyer.auth, payload: { ...address, detail: '林城西路 1 号\r\n3 单元\t502' } })
    expect(res.statusCode).toBe(201)
    expect(res.json().detail).toBe('林城西路 1 号\r\n3 单元\t502')
  })

  it.each([
    ['a path parameter', '/api/v1/products/1%00'],
    ['a tab in a path parameter', '/api/v1/farmers/1%09'],
    ['a tab in a query value', '/api/v1/products?q=a%09b'],
    ['a line feed in a query value', '/api/v1/products?q=a%0Ab'],
  ])('refuses %s', async (_label, url) => {
    const res = await t.app.inject({ url })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('CONTROL_CHARACTERS')
  })

  it('refuses a control character in a header value, and lets a tab through', async () => {
    const refused = await t.app.inject({ url: '/api/v1/categories', headers: { 'x-client': 'weapp\u0007' } })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.code).toBe('CONTROL_CHARACTERS')
    const tab = await t.app.inject({ url: '/api/v1/categories', headers: { 'x-client': 'weapp\t3.2' } })
    expect(tab.statusCode).toBe(200)
  })

  it('answers Node’s own refusal of a control character in a header in our shape over a socket', async () => {
    const res = await rawRequest('GET /api/v1/categories HTTP/1.1\r\nHost: x\r\nX-Client: a\u0001b\r\n\r\n')
    expect(res.status).toBe(400)
    expect(res.headers).toMatch(/connection: close/i)
    expect(JSON.parse(res.body).error.code).toBe('CONTROL_CHARACTERS')
  })

  it('finds every C0 control and DEL, allowing tab, line feed and carriage return only where text may hold them', () => {
    const body = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
    const strict = /[\u0000-\u001f\u007f]/
    for (let code = 0; code < 0x80; code++) {
      const char = String.fromCharCode(code)
      const isControl = code < 0x20 || code === 0x7f
      const isWhitespace = char === '\t' || char === '\n' || char === '\r'
      expect([code, findControlCharacter({ a: [`x${char}`] }, body) !== null]).toEqual([code, isControl && !isWhitespace])
      expect([code, findControlCharacter(`x${char}`, strict) !== null]).toEqual([code, isControl])
    }
    expect(findControlCharacter({ items: [{ note: 'ok' }, { note: 'b\u0000' }] }, body)).toBe('$.items[1].note')
  })

  it('walks a body nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(findControlCharacter(deep, /\u0000/)).toMatch(/^\$\[0\]/)
  })
})

describe('authentication before validation', () => {
  it('answers 401, not 400, to an anonymous placement with a bad body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: { 'content-type': 'application/json' }, payload: '{"items": "not a list"' })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('UNAUTHORIZED')
  })

  it('answers 401 to an unknown token before looking at the query or the body', async () => {
    const unknown = { authorization: `Bearer ${'z'.repeat(43)}` }
    const list = await t.app.inject({ url: '/api/v1/orders?status=nonsense&limit=-5', headers: unknown })
    expect(list.statusCode).toBe(401)
    const save = await t.app.inject({ method: 'POST', url: '/api/v1/addresses', headers: unknown, payload: { name: 1 } })
    expect(save.statusCode).toBe(401)
  })

  it('validates once signed in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: { ...buyer.auth, 'idempotency-key': 'hardening-001' }, payload: { items: 'not a list' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('treats a route as protected only when every security alternative needs the bearer', () => {
    expect(needsBearer({ security: [{ bearer: [] }] })).toBe(true)
    expect(needsBearer({ security: [{}, { bearer: [] }] })).toBe(false)
    expect(needsBearer({ security: [] })).toBe(false)
    expect(needsBearer({})).toBe(false)
    expect(needsBearer(undefined)).toBe(false)
  })

  it('resolves the signed-in user once per request, however often a handler asks', async () => {
    let lookups = 0
    const user: MeDto = { id: 7, nickname: '林晓', roles: ['buyer'], farmerId: null, cooperativeId: null }
    const auth = { authenticate: async () => (lookups++, user) } as unknown as AuthService
    const request = { headers: { authorization: `Bearer ${'t'.repeat(32)}` } } as FastifyRequest
    expect(await requireUser(request, auth)).toBe(user)
    expect(await requireUser(request, auth)).toBe(user)
    expect(lookups).toBe(1)
  })
})

describe('limits in our shape', () => {
  it('answers a JSON body over 1 MB with 413 BODY_TOO_LARGE', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/addresses', headers: { ...buyer.auth, 'content-type': 'application/json' }, payload: JSON.stringify({ detail: 'x'.repeat(1100 * 1024) }) })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('BODY_TOO_LARGE')
  })

  it('answers a body of a type no route reads with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/addresses', headers: { ...buyer.auth, 'content-type': 'application/xml' }, payload: '<name>林晓</name>' })
    expect(res.statusCode).toBe(415)
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers a URL over 8 KiB with 414 URI_TOO_LONG, and a path parameter over 100 characters too', async () => {
    const long = await t.app.inject({ url: `/api/v1/products?q=${'x'.repeat(9000)}` })
    expect(long.statusCode).toBe(414)
    expect(long.json().error.code).toBe('URI_TOO_LONG')
    const param = await t.app.inject({ url: `/api/v1/products/${'1'.repeat(101)}` })
    expect(param.statusCode).toBe(414)
    expect(param.json().error.code).toBe('URI_TOO_LONG')
  })

  it('answers headers over 16 KiB with 431 HEADERS_TOO_LARGE in our shape, closing the connection', async () => {
    const res = await rawRequest(`GET /api/v1/categories HTTP/1.1\r\nHost: x\r\nCookie: ${'c'.repeat(17 * 1024)}\r\n\r\n`)
    expect(res.status).toBe(431)
    expect(res.headers).toMatch(/connection: close/i)
    expect(res.headers).toMatch(/content-type: application\/json/i)
    // answered before any hook runs, it still carries the security headers
    expect(res.headers).toMatch(/x-content-type-options: nosniff/i)
    expect(res.headers).toMatch(/x-frame-options: DENY/i)
    expect(res.headers).toMatch(/content-security-policy: default-src 'none'; frame-ancestors 'none'/i)
    expect(JSON.parse(res.body).error).toEqual({ code: 'HEADERS_TOO_LARGE', message: expect.any(String) })
  })

  it('answers a URL too long for Node’s parser with 414, and one within it with 414 from the app', async () => {
    const overflowing = await rawRequest(`GET /api/v1/products?q=${'x'.repeat(20 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`)
    expect(overflowing.status).toBe(414)
    expect(JSON.parse(overflowing.body).error.code).toBe('URI_TOO_LONG')
    const within = await rawRequest(`GET /api/v1/products?q=${'x'.repeat(10 * 1024)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    expect(within.status).toBe(414)
    expect(JSON.parse(within.body).error.code).toBe('URI_TOO_LONG')
  })

  it('answers malformed HTTP with 400 in our shape', async () => {
    const res = await rawRequest('GET /api/v1/categories HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n')
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error.code).toBe('BAD_REQUEST')
  })
})

describe('the WeChat Pay notify routes answer framework errors in WeChat’s shape', () => {
  const NOTIFY = ['/api/v1/payments/wechat/notify', '/api/v1/refunds/wechat/notify']

  it.each(NOTIFY)('%s: 413 for a body over 64 KB, 415 for XML, 400 for a control character', async (url) => {
    const large = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ resource: 'x'.repeat(70 * 1024) }) })
    expect([large.statusCode, large.json()]).toEqual([413, { code: 'FAIL', message: expect.any(String) }])
    const xml = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/xml' }, payload: '<xml/>' })
    expect([xml.statusCode, xml.json()]).toEqual([415, { code: 'FAIL', message: expect.any(String) }])
    const control = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', 'wechatpay-serial': 'a\u0000' }, payload: '{}' })
    expect([control.statusCode, control.json()]).toEqual([400, { code: 'FAIL', message: expect.any(String) }])
  })

  it('answers a crash in a notify handler with 500 {code:FAIL} so WeChat Pay retries, hiding the cause', async () => {
    const app = Fastify({ logger: false })
    installErrorHandling(app)
    await registerNotifyRoute(app, '/notify', 'test notify', async () => {
      throw new Error('database connection lost at 10.0.0.3')
    })
    const res = await app.inject({ method: 'POST', url: '/notify', headers: { 'content-type': 'application/json' }, payload: '{}' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: 'FAIL', message: expect.stringMatching(/^Internal error/) })
    await app.close()
  })
})
