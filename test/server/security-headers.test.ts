/**
 * Security headers on every kind of response: the API (answers and errors), the H5 storefront,
 * the API docs, photos, exports, the sandbox cashier, a 429. HSTS only behind a trusted proxy
 * for a request that came over https.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { startTestApp, type TestApp } from '../support/app'
import { coopFixture } from './coop-support'
import { signInBuyer, upload, testJpeg } from './farmer-listings-fixtures'

const INLINE_SCRIPT = 'document.documentElement.style.fontSize="20px"'
const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-h5-headers-'))
fs.writeFileSync(path.join(h5Dir, 'index.html'), `<!doctype html><html><head><script>${INLINE_SCRIPT}</script><script defer src="/js/app.js"></script></head><body><div id="app"></div></body></html>`)
fs.mkdirSync(path.join(h5Dir, 'js'))
fs.writeFileSync(path.join(h5Dir, 'js/app.js'), 'console.log(1)')

let t: TestApp
let behindProxy: TestApp
beforeAll(async () => {
  t = await startTestApp({ XIANGJI_H5_DIR: h5Dir, RATE_LIMIT_LOGIN_PER_MIN: '5' })
  behindProxy = await startTestApp({ TRUST_PROXY: 'loopback' })
})
afterAll(async () => {
  await t.close()
  await behindProxy.close()
  fs.rmSync(h5Dir, { recursive: true, force: true })
})

const csp = (res: LightMyRequestResponse) => String(res.headers['content-security-policy'] ?? '')
const directive = (res: LightMyRequestResponse, name: string) =>
  csp(res)
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `))

function expectProtected(res: LightMyRequestResponse) {
  expect(res.headers['x-content-type-options']).toBe('nosniff')
  expect(res.headers['x-frame-options']).toBe('DENY')
  expect(directive(res, 'frame-ancestors')).toBe("frame-ancestors 'none'")
  expect(res.headers['referrer-policy']).toBe('no-referrer')
  expect(res.headers['strict-transport-security']).toBeUndefined()
}

describe('every kind of response carries the security headers', () => {
  it('an API answer and an API error', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/healthz' })
    expect(ok.statusCode).toBe(200)
    expectProtected(ok)
    expect(directive(ok, 'default-src')).toBe("default-src 'self'")
    expect(directive(ok, 'object-src')).toBe("object-src 'none'")
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' })
    expect(missing.statusCode).toBe(404)
    expectProtected(missing)
  })

  it('a URL the router refuses before any hook runs (broken percent-encoding)', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/products/%E0%A4%A' })
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'BAD_URL'])
    expectProtected(bad)
    expect(directive(bad, 'default-src')).toBe("default-src 'none'")
  })

  it('the H5 storefront: its one inline script is allowed by hash, nothing else inline', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' })
    expect(home.statusCode).toBe(200)
    expect(home.headers['content-type']).toMatch(/^text\/html/)
    expectProtected(home)
    const hash = crypto.createHash('sha256').update(INLINE_SCRIPT).digest('base64')
    expect(directive(home, 'script-src')).toBe(`script-src 'self' 'sha256-${hash}'`)
    expect(directive(home, 'script-src-attr')).toBe("script-src-attr 'none'")
    // A chosen photo is shown and read through a blob: URL before it is uploaded.
    expect(directive(home, 'img-src')).toBe("img-src 'self' data: blob:")
    expect(directive(home, 'connect-src')).toBe("connect-src 'self' blob:")
    const bundle = await t.app.inject({ method: 'GET', url: '/js/app.js' })
    expect(bundle.statusCode).toBe(200)
    expectProtected(bundle)
  })

  it('the API docs page and the OpenAPI document', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' })
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-type']).toMatch(/^text\/html/)
    expectProtected(docs)
    const spec = await t.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(spec.statusCode).toBe(200)
    expectProtected(spec)
  })

  it('a photo, which the mini-program may show from another origin', async () => {
    const buyer = await signInBuyer(t)
    const uploaded = await upload(t, buyer, await testJpeg({ width: 320, height: 240 }))
    expect(uploaded.statusCode).toBe(201)
    const photo = await t.app.inject({ method: 'GET', url: uploaded.json().url })
    expect(photo.statusCode).toBe(200)
    expect(photo.headers['content-type']).toMatch(/^image\//)
    expectProtected(photo)
    expect(photo.headers['cross-origin-resource-policy']).toBe('cross-origin')
    const api = await t.app.inject({ method: 'GET', url: '/healthz' })
    expect(api.headers['cross-origin-resource-policy']).toBe('same-origin')
  })

  it('an export download', async () => {
    const fx = await coopFixture(t)
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/coop/reports/weekly.csv?week=2026-W10', headers: fx.manager })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^attachment/)
    expectProtected(res)
  })

  it('the sandbox cashier keeps its own policy, with framing forbidden too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sandbox/wechat/pay/cashier?prepay_id=wx-no-such-prepay' })
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expectProtected(res)
    expect(directive(res, 'script-src')).toBeDefined()
    expect(csp(res).match(/frame-ancestors/g)).toHaveLength(1)
  })

  it('a 429 from the rate limits', async () => {
    const login = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '203.0.113.90', payload: { code: 'bad-code' } })
    for (let i = 0; i < 5; i++) expect((await login()).statusCode).toBe(401)
    const limited = await login()
    expect(limited.statusCode).toBe(429)
    expectProtected(limited)
  })
})

describe('HSTS', () => {
  const overHttps = (app: TestApp) => app.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-proto': 'https' } })

  it('is sent behind a trusted proxy for a request that came over https', async () => {
    const res = await overHttps(behindProxy)
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains$/)
  })

  it('is not sent over plain http behind the proxy, nor when no proxy is trusted (X-Forwarded-Proto is then anyone’s)', async () => {
    const plain = await behindProxy.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-proto': 'http' } })
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    expect((await overHttps(t)).headers['strict-transport-security']).toBeUndefined()
  })
})
