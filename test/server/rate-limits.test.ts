/**
 * Abuse limits: sign-in and demo login per IP, uploads and placements per signed-in user, WeChat
 * Pay's notices per IP (loose); 429 with Retry-After in our shape (WeChat's on the notify routes).
 * The app here runs with tight limits; the Redis case needs REDIS_URL (CI sets it on the
 * PostgreSQL run) and is the only one skipped without it.
 */
import crypto from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../server/src/app'
import { ConfigError, loadConfig, RATE_LIMIT_DEFAULTS } from '../../server/src/config'
import { startTestApp, type TestApp } from '../support/app'
import { openTestStore } from '../support/store'

const TIGHT = {
  RATE_LIMIT_LOGIN_PER_MIN: '10',
  RATE_LIMIT_DEMO_LOGIN_PER_MIN: '10',
  RATE_LIMIT_UPLOADS_PER_MIN: '3',
  RATE_LIMIT_ORDERS_PER_MIN: '3',
  RATE_LIMIT_NOTIFY_PER_MIN: '50',
  TRUST_PROXY: 'loopback',
}

let t: TestApp
beforeAll(async () => {
  t = await startTestApp(TIGHT)
})
afterAll(() => t.close())

/** Each case bursts from addresses of its own: counters last the minute. */
const ip = (n: number) => `203.0.113.${n}`
const badLogin = (remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { code: `bad-${crypto.randomUUID()}` } })

async function burst(n: number, send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse[]> {
  const answers: LightMyRequestResponse[] = []
  for (let i = 0; i < n; i++) answers.push(await send())
  return answers
}

function expectLimited(res: LightMyRequestResponse, code: 'RATE_LIMITED' | 'LOGIN_RATE_LIMITED') {
  expect(res.statusCode).toBe(429)
  expect(res.json()).toEqual({ error: { code, message: expect.any(String) } })
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1)
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60)
}

describe('signing in is limited per IP', () => {
  it('200 bad sign-in codes from one IP: the first 10 reach WeChat (401), the other 190 are 429 with Retry-After', async () => {
    const exchange = jest.spyOn(t.app.sandbox!.loginCodes, 'exchange')
    try {
      const answers = await burst(200, () => badLogin(ip(1)))
      expect(answers.slice(0, 10).map((r) => r.json().error.code)).toEqual(Array(10).fill('INVALID_LOGIN_CODE'))
      for (const res of answers.slice(10)) expectLimited(res, 'LOGIN_RATE_LIMITED')
      expect(exchange).toHaveBeenCalledTimes(10)
    } finally {
      exchange.mockRestore()
    }
  })

  it('another IP still signs in while the first is limited', async () => {
    await burst(11, () => badLogin(ip(2)))
    expectLimited(await badLogin(ip(2)), 'LOGIN_RATE_LIMITED')
    const code = t.app.sandbox!.loginCodes.issue('openid-rate-other-ip')
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip(3), payload: { code } })
    expect(ok.statusCode).toBe(200)
  })

  it('behind a trusted proxy the client address in X-Forwarded-For is counted, not the proxy’s', async () => {
    const viaProxy = (client: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client }, payload: { code: 'bad-code' } })
    const first = await burst(11, () => viaProxy('198.51.100.7'))
    expectLimited(first[10], 'LOGIN_RATE_LIMITED')
    expect((await viaProxy('198.51.100.8')).json().error.code).toBe('INVALID_LOGIN_CODE')
  })

  it('200 demo-login requests from one IP: 10 answered, then 429; a demo persona from another IP still gets a code', async () => {
    const demo = (remoteAddress: string, persona: string) =>
      t.app.inject({ method: 'POST', url: '/sandbox/wechat/dev/login-code', remoteAddress, payload: { persona } })
    const answers = await burst(200, () => demo(ip(4), 'nobody'))
    expect(answers.slice(0, 10).map((r) => r.statusCode)).toEqual(Array(10).fill(404))
    for (const res of answers.slice(10)) expectLimited(res, 'LOGIN_RATE_LIMITED')
    const persona = (await t.app.inject({ method: 'GET', url: '/sandbox/wechat/dev/personas' })).json().items[0].id
    const ok = await demo(ip(5), persona)
    expect(ok.statusCode).toBe(200)
    expect(ok.json().code).toEqual(expect.any(String))
  })
})

describe('uploads and placements are limited per signed-in user', () => {
  let alice: Record<string, string>
  let bob: Record<string, string>
  beforeAll(async () => {
    alice = { authorization: `Bearer ${await t.login('openid-rate-alice')}` }
    bob = { authorization: `Bearer ${await t.login('openid-rate-bob')}` }
  })

  const upload = (headers: Record<string, string>, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/uploads', remoteAddress, headers: { ...headers, 'content-type': 'image/png' }, payload: Buffer.from('not a png') })
  const place = (headers: Record<string, string>, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      remoteAddress,
      headers: { ...headers, 'idempotency-key': `key-${crypto.randomUUID()}` },
      payload: { items: [], addressId: 1 },
    })

  it.each([
    ['uploads', upload],
    ['placements', place],
  ])('%s: a user’s 4th in a minute is 429, from any IP, while another user on the same IP goes on', async (_what, send) => {
    const first = await burst(3, () => send(alice, ip(10)))
    for (const res of first) expect(res.statusCode).not.toBe(429)
    expectLimited(await send(alice, ip(11)), 'RATE_LIMITED')
    const other = await send(bob, ip(10))
    expect(other.statusCode).not.toBe(429)
    expect(other.statusCode).toBeGreaterThanOrEqual(400)
  })

  it('a caller without a valid token is refused 401, never counted against a user', async () => {
    const res = await place({ authorization: `Bearer ${'x'.repeat(40)}` }, ip(12))
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('UNAUTHORIZED')
  })
})

describe('WeChat Pay notices are limited per IP, loosely', () => {
  const forged = (url: string) =>
    t.app.inject({ method: 'POST', url, remoteAddress: ip(20), headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ id: 'forged', resource: {} }) })

  it('50 forged notices are each refused as WeChat expects, the 51st (either notify route) is 429 in WeChat’s shape', async () => {
    const answers = await burst(50, () => forged('/api/v1/payments/wechat/notify'))
    for (const res of answers) {
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual({ code: 'FAIL', message: expect.any(String) })
    }
    for (const url of ['/api/v1/payments/wechat/notify', '/api/v1/refunds/wechat/notify']) {
      const res = await forged(url)
      expect(res.statusCode).toBe(429)
      expect(res.json()).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) })
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    }
  })

  it('by default a notifying IP may send far more than a signing-in IP (WeChat retries each notice)', () => {
    const defaults = loadConfig({}).rateLimits!
    expect(defaults.notify).toBeGreaterThanOrEqual(5 * defaults.login)
    expect(defaults.notify).toBe(RATE_LIMIT_DEFAULTS.notify.perMinute)
  })
})

describe('rate-limit settings', () => {
  it('production-like defaults outside tests, generous ones under NODE_ENV=test, none with RATE_LIMITS=off', () => {
    expect(loadConfig({}).rateLimits).toEqual({ login: 20, demoLogin: 20, uploads: 30, orders: 20, notify: 120 })
    expect(Math.min(...Object.values(loadConfig({ NODE_ENV: 'test' }).rateLimits!))).toBeGreaterThanOrEqual(10_000)
    expect(loadConfig({ RATE_LIMITS: 'off' }).rateLimits).toBeNull()
    expect(loadConfig({ RATE_LIMIT_UPLOADS_PER_MIN: '7' }).rateLimits!.uploads).toBe(7)
  })

  it.each([
    [{ RATE_LIMITS: 'maybe' }, 'RATE_LIMITS'],
    [{ RATE_LIMIT_LOGIN_PER_MIN: '0' }, 'RATE_LIMIT_LOGIN_PER_MIN'],
    [{ RATE_LIMIT_NOTIFY_PER_MIN: 'lots' }, 'RATE_LIMIT_NOTIFY_PER_MIN'],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    [{ REDIS_KEY_PREFIX: 'has space' }, 'REDIS_KEY_PREFIX'],
    [{ TRUST_PROXY: '10.0.0.0/99' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'proxy.example' }, 'TRUST_PROXY'],
  ])('%o is refused, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`))
  })

  it('TRUST_PROXY takes true, a hop count or proxy addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback'])
  })
})

const withRedis = process.env.REDIS_URL ? it : it.skip

describe('counters in Redis (REDIS_URL)', () => {
  it('a server whose Redis cannot be reached refuses to start, naming REDIS_URL', async () => {
    const testStore = await openTestStore()
    try {
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: 'redis://127.0.0.1:1' })
      await expect(buildApp({ config, store: testStore.store })).rejects.toThrow(/^REDIS_URL: cannot connect/)
    } finally {
      await testStore.close()
    }
  })

  withRedis('two instances on one Redis share a sign-in counter (skipped when REDIS_URL is unset)', async () => {
    const env = { REDIS_URL: process.env.REDIS_URL!, REDIS_KEY_PREFIX: `xiangji-test-${crypto.randomUUID()}:`, RATE_LIMIT_LOGIN_PER_MIN: '4' }
    const one = await startTestApp(env)
    const two = await startTestApp(env)
    try {
      const login = (app: TestApp) => app.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip(30), payload: { code: 'bad-code' } })
      for (const app of [one, two, one, two]) expect((await login(app)).json().error.code).toBe('INVALID_LOGIN_CODE')
      expectLimited(await login(one), 'LOGIN_RATE_LIMITED')
      expectLimited(await login(two), 'LOGIN_RATE_LIMITED')
    } finally {
      await one.close()
      await two.close()
    }
  })
})
