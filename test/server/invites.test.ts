import { eq } from 'drizzle-orm'
import { farmers } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { signInBuyer, signInManager, uploadPhoto, type Actor } from './farmer-listings-fixtures'

const DAY_MS = 86_400_000
let now = new Date('2026-10-01T02:00:00Z')
let t: TestApp
let coopA: { id: number; name: string }
let coopB: { id: number; name: string }
let managerA: Actor
let managerB: Actor

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  coopA = await addCooperative(t.store.db, { name: '威宁县草海高原果蔬专业合作社' })
  coopB = await addCooperative(t.store.db, { name: '修文县猕猴桃合作社', county: '修文县' })
  managerA = await signInManager(t, coopA.id)
  managerB = await signInManager(t, coopB.id)
})
afterAll(() => t.close())

const invite = async (manager: Actor = managerA, payload: object = {}) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/coop/invites', headers: manager.auth, payload })
  expect(res.statusCode).toBe(201)
  return res.json() as { code: string; expiresAt: string; sharePath: string }
}
const info = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/invites/${encodeURIComponent(code)}` })
const accept = (code: string, actor: Actor | null, payload: object = { name: '王秀英', village: '草海镇阳关山村', story: '种了三十年土豆。' }) =>
  t.app.inject({ method: 'POST', url: `/api/v1/invites/${encodeURIComponent(code)}/accept`, headers: actor?.auth ?? {}, payload })

describe('inviting a farmer', () => {
  it('a manager creates a 7-day code with the page to share', async () => {
    const created = await invite()
    expect(created.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(Date.parse(created.expiresAt) - now.getTime()).toBe(7 * DAY_MS)
    expect(created.sharePath).toBe(`farmer/pages/join/index?code=${created.code}`)
    const res = await info(created.code.toLowerCase())
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ code: created.code, status: 'valid', cooperative: { id: coopA.id, name: coopA.name } })
  })

  it('a manager cannot invite into another cooperative, and sees only their own invites', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/coop/invites', headers: managerB.auth, payload: { cooperativeId: coopA.id } })
    expect(res.statusCode).toBe(403)
    const mine = await invite(managerB, { cooperativeId: coopB.id })
    const listA = (await t.app.inject({ method: 'GET', url: '/api/v1/coop/invites', headers: managerA.auth })).json().items
    expect(listA.map((i: { code: string }) => i.code)).not.toContain(mine.code)
    const listB = (await t.app.inject({ method: 'GET', url: '/api/v1/coop/invites', headers: managerB.auth })).json().items
    expect(listB).toEqual([expect.objectContaining({ code: mine.code, status: 'valid' })])
  })
})

describe('accepting an invite', () => {
  it('makes the signed-in user a farmer of that cooperative, with the farmer role at once', async () => {
    const { code } = await invite()
    const person = await signInBuyer(t)
    const photoKey = await uploadPhoto(t, person)
    const res = await accept(code, person, { name: ' 王秀英 ', village: '草海镇阳关山村', story: '种了三十年土豆。', photoKey })
    expect(res.statusCode).toBe(201)
    const { farmerId, user } = res.json()
    expect(user).toMatchObject({ roles: ['buyer', 'farmer'], farmerId })
    const [row] = await t.store.db.select().from(farmers).where(eq(farmers.id, farmerId))
    expect(row).toMatchObject({ cooperativeId: coopA.id, userId: person.userId, name: '王秀英', village: '草海镇阳关山村', photoUrl: photoKey })
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/farmer/products', headers: person.auth })).statusCode).toBe(200)
    expect((await info(code)).json().status).toBe('used')
  })

  it('a used code is 409, and an account that is already a farmer cannot join again', async () => {
    const { code } = await invite()
    const first = await signInBuyer(t)
    expect((await accept(code, first)).statusCode).toBe(201)
    const second = await signInBuyer(t)
    const used = await accept(code, second)
    expect(used.statusCode).toBe(409)
    expect(used.json().error.code).toBe('INVITE_USED')
    const again = await accept((await invite(managerB)).code, first)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_A_FARMER')
  })

  it('two people accepting one code at the same time: exactly one joins', async () => {
    const { code } = await invite()
    const people = await Promise.all([signInBuyer(t), signInBuyer(t), signInBuyer(t)])
    const results = await Promise.all(people.map((p) => accept(code, p)))
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
  })

  it('an expired code is 410', async () => {
    const { code } = await invite()
    const person = await signInBuyer(t)
    now = new Date(now.getTime() + 7 * DAY_MS + 1000)
    try {
      expect((await info(code)).json().status).toBe('expired')
      const res = await accept(code, person)
      expect(res.statusCode).toBe(410)
      expect(res.json().error.code).toBe('INVITE_EXPIRED')
    } finally {
      now = new Date(now.getTime() - 7 * DAY_MS - 1000)
    }
  })

  it('refuses a risky profile and leaves the code usable', async () => {
    const { code } = await invite()
    const person = await signInBuyer(t)
    const res = await accept(code, person, { name: '李四', village: '赌博村' })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('CONTENT_RISKY')
    expect((await info(code)).json().status).toBe('valid')
  })

  it('unknown or malformed codes are 404, and accepting needs a signed-in user', async () => {
    expect((await info('ZZZZZZZZ')).statusCode).toBe(404)
    expect((await info('<script>')).statusCode).toBe(404)
    expect((await info('x'.repeat(33))).statusCode).toBe(400)
    expect((await accept('ZZZZZZZZ', await signInBuyer(t))).statusCode).toBe(404)
    expect((await accept((await invite()).code, null)).statusCode).toBe(401)
  })

  it.each([
    [{}],
    [{ name: '王秀英' }],
    [{ name: 5, village: '村' }],
    [{ name: '', village: '村' }],
    [{ name: '   ', village: '村' }],
    [{ name: '王'.repeat(21), village: '村' }],
    [{ name: '王秀英', village: '村', story: '长'.repeat(501) }],
    [{ name: '王秀英', village: '村', photoKey: 'u/0123456789abcdef01234567' }],
    [{ name: '王秀英', village: '村', photoKey: '../secret' }],
    [{ name: '王秀英', village: '村', role: 'coop_admin' }],
  ].map(([p]) => [JSON.stringify(p).slice(0, 60), p] as [string, object]))('bad input %s is a 400 and uses nothing up', async (_label, payload) => {
    const { code } = await invite()
    const res = await accept(code, await signInBuyer(t), payload)
    expect(res.statusCode).toBe(400)
    expect(typeof res.json().error.code).toBe('string')
    expect((await info(code)).json().status).toBe('valid')
  })

  it('bad input to creating an invite is a 4xx', async () => {
    for (const payload of [{ cooperativeId: 'one' }, { cooperativeId: 0 }, { extra: 1 }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/coop/invites', headers: managerA.auth, payload })
      expect(res.statusCode).toBe(400)
    }
    const noBody = await t.app.inject({ method: 'POST', url: '/api/v1/coop/invites', headers: managerA.auth })
    expect(noBody.statusCode).toBe(201)
  })
})
