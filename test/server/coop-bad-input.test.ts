/** Bad input on every cooperative endpoint is a 4xx with the JSON error shape — never a 500. */
import { startTestApp, type TestApp } from '../support/app'
import { addBuyer } from '../support/order-builders'
import { coopFixture } from './coop-support'

let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => new Date('2026-12-02T02:00:00Z') })
  fx = await coopFixture(t)
})
afterAll(() => t.close())

const HUGE = 'x'.repeat(20_000)
const BAD_WEEKS = ['2026-W60', '2025-W53', '2026-W00', '2026-W5', '2026w48', '1999-W10', '2026-W48x', encodeURIComponent('２０２６-W48'), HUGE, '%00', '']
const REPORTS = ['/api/v1/coop/reports/weekly', '/api/v1/coop/reports/impact', '/api/v1/coop/reports/weekly.csv', '/api/v1/coop/reports/weekly.xlsx', '/api/v1/coop/reports/impact.csv', '/api/v1/coop/reports/settlements.csv', '/api/v1/coop/settlements', '/api/v1/coop/members']

async function expectClientError(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = fx.manager) {
  const res = await t.app.inject({ method, url, headers: { ...headers, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) }, payload: payload as never })
  const where = `${method} ${url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`
  expect([where, res.statusCode >= 400 && res.statusCode < 500]).toEqual([where, true])
  expect(typeof res.json().error.code).toBe('string')
  return res
}

describe('bad input', () => {
  it.each(REPORTS)('%s refuses bad weeks and bad query parameters', async (path) => {
    for (const week of BAD_WEEKS.filter((w) => w !== '')) await expectClientError('GET', `${path}?week=${week}`)
    await expectClientError('GET', `${path}?week=2026-W48&week=2026-W49`)
    for (const coop of ['abc', '0', '-1', '1.5', '99999999999999999999', HUGE]) await expectClientError('GET', `${path}?cooperativeId=${coop}`)
    await expectClientError('GET', `${path}?cooperativeId=999999`)
    await expectClientError('GET', `${path}?unknown=1`)
    await expectClientError('GET', path, undefined, { authorization: 'Bearer nope' })
    await expectClientError('GET', path, undefined, { authorization: `Bearer ${'a'.repeat(5000)}` })
  })

  it('week 53 of a 52-week year says INVALID_WEEK', async () => {
    const res = await expectClientError('GET', '/api/v1/coop/reports/weekly?week=2025-W53')
    expect(res.json().error.code).toBe('INVALID_WEEK')
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/coop/reports/weekly?week=2026-W53', headers: fx.manager })).statusCode).toBe(200)
  })

  it('statement actions refuse bad ids, weeks and bodies', async () => {
    for (const action of ['confirm', 'pay']) {
      const body = action === 'pay' ? { paymentRef: 'WX1' } : undefined
      for (const id of ['abc', '0', '-3', '1.5', '99999999999999999999', HUGE.slice(0, 90)]) await expectClientError('POST', `/api/v1/coop/settlements/${id}/2026-W48/${action}`, body)
      for (const week of BAD_WEEKS.map((w) => (w === HUGE ? 'x'.repeat(99) : w))) await expectClientError('POST', `/api/v1/coop/settlements/${fx.zhang.id}/${week}/${action}`, body)
      // Path parameters over Fastify's maxParamLength (100) are refused by the router itself, before
      // our error handler: 414, in Fastify's own error shape (app-level `frameworkErrors` would unify it).
      const long = await t.app.inject({ method: 'POST', url: `/api/v1/coop/settlements/${fx.zhang.id}/${HUGE}/${action}`, headers: fx.manager, payload: body })
      expect(long.statusCode).toBe(414)
      const unknown = await expectClientError('POST', `/api/v1/coop/settlements/987654/2026-W48/${action}`, body)
      expect(unknown.statusCode).toBe(404)
    }
    const pay = `/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/pay`
    for (const body of [undefined, {}, { paymentRef: '' }, { paymentRef: '   ' }, { paymentRef: 'x'.repeat(65) }, { paymentRef: 12 }, { paymentRef: 'A', extra: 1 }, '{"paymentRef":', '[]', 'null', { paymentRef: HUGE }])
      await expectClientError('POST', pay, body)
  })

  it('member actions refuse bad ids and bodies', async () => {
    const household = (id: string | number) => `/api/v1/coop/members/${id}/household`
    const status = { registryNo: '522427100100010173', headName: '李秀英', status: 'registered', since: '2026-11-02' }
    for (const id of ['abc', '0', '99999999999999999999', 987654]) {
      await expectClientError('PUT', household(id), status)
      await expectClientError('POST', `/api/v1/coop/members/${id}/deactivate`)
      await expectClientError('POST', `/api/v1/coop/members/${id}/activate`)
    }
    for (const body of [undefined, {}, { ...status, status: 'poor' }, { ...status, since: '2026-13-01' }, { ...status, registryNo: '' }, { ...status, other: 1 }, '{bad json', 'true'])
      await expectClientError('PUT', household(fx.li.id), body)
    for (const body of [undefined, {}, { bps: '5' }, { bps: 1e20 }, { bps: null }, '{', { bps: 500, x: 1 }]) await expectClientError('PUT', '/api/v1/coop/commission', body)
  })

  it('roles are checked: buyers, farmers without a farm, managers without a cooperative', async () => {
    const buyer = await addBuyer(t)
    for (const path of REPORTS) expect((await expectClientError('GET', path, undefined, buyer.auth)).statusCode).toBe(403)
    expect((await expectClientError('POST', `/api/v1/coop/settlements/${fx.zhang.id}/2026-W48/confirm`, undefined, buyer.auth)).statusCode).toBe(403)
    expect((await expectClientError('PUT', '/api/v1/coop/commission', { bps: 10 }, buyer.auth)).statusCode).toBe(403)
    expect((await expectClientError('GET', '/api/v1/farmer/statements', undefined, buyer.auth)).statusCode).toBe(403)
    expect((await expectClientError('GET', '/api/v1/farmer/statements', undefined, {})).statusCode).toBe(401)
  })
})

describe('documentation', () => {
  it('every cooperative endpoint is in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(res.statusCode).toBe(200)
    const paths = Object.keys(res.json().paths)
    for (const p of [
      '/api/v1/coop/reports/weekly',
      '/api/v1/coop/reports/weekly.csv',
      '/api/v1/coop/reports/weekly.xlsx',
      '/api/v1/coop/reports/impact',
      '/api/v1/coop/reports/impact.csv',
      '/api/v1/coop/reports/settlements.csv',
      '/api/v1/coop/settlements',
      '/api/v1/coop/settlements/{farmerId}/{week}/confirm',
      '/api/v1/coop/settlements/{farmerId}/{week}/pay',
      '/api/v1/farmer/statements',
      '/api/v1/coop/members',
      '/api/v1/coop/members/{farmerId}/household',
      '/api/v1/coop/members/{farmerId}/deactivate',
      '/api/v1/coop/commission',
    ])
      expect(paths).toContain(p)
  })
})
