/**
 * No secret or token reaches the log: WeChat's APIs carry the app secret, js_code and
 * access_token in the query, and in sandbox mode those requests come to this server (code2Session
 * on sign-in, the consumer APIs with ?access_token=). The log is captured through buildApp's
 * logStream seam while signing in and calling the sandbox's token and shipping endpoints.
 */
import { createLoginClient } from '../../server/src/wechat/login-client'
import { redactUrl } from '../../server/src/http/log-redaction'
import { startTestApp, type TestApp } from '../support/app'

const SECRET = 'app-secret-that-must-not-be-logged'
const lines: string[] = []
let t: TestApp

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'info', WECHAT_SECRET: SECRET }, { logStream: { write: (line) => void lines.push(line) } })
})
afterAll(() => t.close())

const logged = () => lines.join('')
const base = () => `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`

describe('the request log', () => {
  it('never shows the app secret, the login code, the access token or a bearer token', async () => {
    // Sign in: our server calls code2Session (secret and js_code in the query) over HTTP on itself.
    const code = t.app.sandbox!.loginCodes.issue('openid-log-check')
    const login = await fetch(`${base()}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
    expect(login.status).toBe(200)
    const { token: bearer } = (await login.json()) as { token: string }
    const me = await fetch(`${base()}/api/v1/me`, { headers: { authorization: `Bearer ${bearer}`, cookie: `session=${bearer}` } })
    expect(me.status).toBe(200)

    // A code exchanged directly, as WeChat's own client would send it.
    const other = t.app.sandbox!.loginCodes.issue('openid-log-check-2')
    const session = await createLoginClient({ baseUrl: () => `${base()}/sandbox/wechat`, appId: t.config.wechat.appId, appSecret: SECRET }).code2Session(other)
    expect(session.openid).toBe('openid-log-check-2')

    // The token endpoint (secret in the body), then a consumer API with the token in the query.
    const tokenRes = await fetch(`${base()}/sandbox/wechat/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: t.config.wechat.appId, secret: SECRET }),
    })
    const { access_token: accessToken } = (await tokenRes.json()) as { access_token: string }
    expect(accessToken).toEqual(expect.any(String))
    const upload = await fetch(`${base()}/sandbox/wechat/wxa/sec/order/upload_shipping_info?access_token=${encodeURIComponent(accessToken)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(upload.status).toBe(200)

    // Whatever else logs a request's headers or an error quoting such a URL is scrubbed too.
    t.app.log.info({ headers: { authorization: `Bearer ${bearer}`, cookie: `session=${bearer}` } }, 'headers of a call')
    t.app.log.error({ err: new Error(`GET /sns/jscode2session?appid=x&secret=${SECRET}&js_code=${other} failed`) }, `retrying ?access_token=${accessToken}`)

    const log = logged()
    expect(log).toContain('/sns/jscode2session?appid=')
    expect(log).toContain('secret=[redacted]&js_code=[redacted]')
    expect(log).toContain('"authorization":"[redacted]"')
    expect(log).toContain('upload_shipping_info?access_token=[redacted]')
    for (const secret of [SECRET, code, other, accessToken, encodeURIComponent(accessToken), bearer]) expect(log).not.toContain(secret)
  })
})

describe('redactUrl', () => {
  it.each([
    ['/sns/jscode2session?appid=wx1&secret=S&js_code=C&grant_type=authorization_code', '/sns/jscode2session?appid=wx1&secret=[redacted]&js_code=[redacted]&grant_type=authorization_code'],
    ['/cgi-bin/token?grant_type=client_credential&appid=wx1&appsecret=S', '/cgi-bin/token?grant_type=client_credential&appid=wx1&appsecret=[redacted]'],
    ['/x?ACCESS_TOKEN=T#frag', '/x?ACCESS_TOKEN=[redacted]#frag'],
    ['/oauth?code=C&state=1', '/oauth?code=[redacted]&state=1'],
    ['/api/v1/products?q=code&zipcode=550000', '/api/v1/products?q=code&zipcode=550000'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected)
  })
})
