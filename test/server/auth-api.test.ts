import { startTestApp, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const login = (code: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { code } })
const me = (token?: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: token ? { authorization: `Bearer ${token}` } : {} })

describe('signing in through WeChat code2Session (sandbox)', () => {
  it('a fresh wx.login code signs a new user in as a buyer, and the token identifies them', async () => {
    const code = t.app.sandbox!.loginCodes.issue('openid-new-buyer')
    const res = await login(code)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.user).toMatchObject({ roles: ['buyer'], farmerId: null, cooperativeId: null })
    expect(JSON.stringify(body)).not.toMatch(/session_key|sessionKey|openid/)
    const who = await me(body.token)
    expect(who.statusCode).toBe(200)
    expect(who.json().id).toBe(body.user.id)
  })

  it('the same WeChat user signing in twice is one user with two sessions', async () => {
    const first = (await login(t.app.sandbox!.loginCodes.issue('openid-returning'))).json()
    const second = (await login(t.app.sandbox!.loginCodes.issue('openid-returning'))).json()
    expect(second.user.id).toBe(first.user.id)
    expect(second.token).not.toBe(first.token)
    expect((await me(first.token)).statusCode).toBe(200)
  })

  it('a code can be used only once', async () => {
    const code = t.app.sandbox!.loginCodes.issue('openid-once')
    expect((await login(code)).statusCode).toBe(200)
    const again = await login(code)
    expect(again.statusCode).toBe(401)
    expect(again.json().error.code).toBe('INVALID_LOGIN_CODE')
  })

  it('an unknown code is refused with 401 (WeChat says 40029)', async () => {
    const res = await login('nosuchcode')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('INVALID_LOGIN_CODE')
  })

  it('WeChat being down is a 502, not a crash', async () => {
    t.app.sandbox!.loginCodes.failNextExchange(-1)
    const res = await login(t.app.sandbox!.loginCodes.issue('openid-down'))
    expect(res.statusCode).toBe(502)
    expect(res.json().error.code).toBe('WECHAT_UNAVAILABLE')
  })

  it('logging out ends the session', async () => {
    const { token } = (await login(t.app.sandbox!.loginCodes.issue('openid-logout'))).json()
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } })
    expect(out.statusCode).toBe(204)
    expect((await me(token)).statusCode).toBe(401)
  })

  it('demo login: the sandbox hands out a code for a persona, which signs in as that persona', async () => {
    const personas = await t.app.inject({ method: 'GET', url: '/sandbox/wechat/dev/personas' })
    expect(personas.json().items.map((p: { id: string }) => p.id)).toEqual(['buyer', 'farmer', 'coop_admin'])
    const codeRes = await t.app.inject({ method: 'POST', url: '/sandbox/wechat/dev/login-code', payload: { persona: 'buyer' } })
    expect(codeRes.statusCode).toBe(200)
    expect((await login(codeRes.json().code)).statusCode).toBe(200)
    const unknown = await t.app.inject({ method: 'POST', url: '/sandbox/wechat/dev/login-code', payload: { persona: 'nobody' } })
    expect(unknown.statusCode).toBe(404)
  })
})

describe('bad input on auth endpoints', () => {
  it.each([
    ['a missing code', {}],
    ['a numeric code', { code: 12345 }],
    ['an empty code', { code: '' }],
    ['a huge code', { code: 'a'.repeat(10_000) }],
    ['a code with odd characters', { code: 'abc def;--' }],
    ['an extra field', { code: 'abc', admin: true }],
  ])('login with %s is a 400', async (_name, payload) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } })
  })

  it('login with a body that is not JSON is a 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": ',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('INVALID_BODY')
  })

  it.each([
    ['no Authorization header', undefined, 'UNAUTHORIZED'],
    ['a malformed header', 'Token abc', 'UNAUTHORIZED'],
    ['an unknown token', 'Bearer ' + 'x'.repeat(43), 'UNAUTHORIZED'],
  ])('/me with %s is a 401', async (_name, authorization, code) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: authorization ? { authorization } : {} })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe(code)
  })
})
