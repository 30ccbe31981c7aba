/**
 * A member's household status through the API: linking a member to the registry, a change of
 * status that ends the earlier one the day before (history kept), a repeat that changes nothing,
 * a same-day correction, a number another member holds, dates refused, the end of a
 * registration, and the list's status on today's China date.
 */
import { and, count, eq } from 'drizzle-orm'
import { householdPeriods, registryAudit } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addFarmer } from '../support/catalog-builders'
import { coopFixture, type Auth } from './coop-support'

/** 10:00 in China on 2026-11-25. */
const now = new Date('2026-11-25T02:00:00Z')
let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
let other: Awaited<ReturnType<typeof coopFixture>>

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  fx = await coopFixture(t)
  other = await coopFixture(t, '湄潭县永兴茶叶专业合作社')
})
afterAll(() => t.close())

const path = (farmerId: number) => `/api/v1/coop/members/${farmerId}/household`
const put = (farmerId: number, body: object, headers: Auth = fx.manager) => t.app.inject({ method: 'PUT', url: path(farmerId), headers, payload: body })
const end = (farmerId: number, endedOn: string) => t.app.inject({ method: 'POST', url: `${path(farmerId)}/end`, headers: fx.manager, payload: { endedOn } })
const view = async (farmerId: number) => (await t.app.inject({ method: 'GET', url: path(farmerId), headers: fx.manager })).json()
const periodsOf = (farmerId: number) => t.store.db.select().from(householdPeriods).where(eq(householdPeriods.farmerId, farmerId))
async function auditCount(farmerId: number, action: string): Promise<number> {
  const [row] = await t.store.db.select({ n: count() }).from(registryAudit).where(and(eq(registryAudit.farmerId, farmerId), eq(registryAudit.action, action)))
  return row.n
}
const expectError = (res: { statusCode: number; json(): { error: { code: string } } }, status: number, code: string) => {
  expect(res.statusCode).toBe(status)
  expect(res.json().error.code).toBe(code)
}

describe('a member’s household status', () => {
  it('links a member to the registry with the number as the county writes it, normalised', async () => {
    const res = await put(fx.zhang.id, { registryNo: ' 5224-2710 0100 0101ab ', headName: ' 张国华 ', status: 'registered', since: '2026-03-01' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      farmerId: fx.zhang.id,
      name: '张国华',
      registryNo: '5224271001000101AB',
      headName: '张国华',
      current: { status: 'registered', startedOn: '2026-03-01', endedOn: null, source: 'manual' },
      history: [{ status: 'registered', startedOn: '2026-03-01', endedOn: null }],
    })
  })

  it('a change of status from a day ends the earlier status the day before and keeps the history', async () => {
    const res = await put(fx.zhang.id, { registryNo: '5224271001000101AB', headName: '张国华', status: 'lifted', since: '2026-11-10' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.current).toMatchObject({ status: 'lifted', startedOn: '2026-11-10', endedOn: null })
    expect(body.history.map((p: object) => ({ ...p, id: undefined }))).toEqual([
      { status: 'lifted', startedOn: '2026-11-10', endedOn: null, source: 'manual', id: undefined },
      { status: 'registered', startedOn: '2026-03-01', endedOn: '2026-11-09', source: 'manual', id: undefined },
    ])
    expect(await periodsOf(fx.zhang.id)).toHaveLength(2)
  })

  it('sending the same status, number, name and day again changes nothing and logs nothing', async () => {
    const before = { periods: await periodsOf(fx.zhang.id), audits: await auditCount(fx.zhang.id, 'set_status') }
    const res = await put(fx.zhang.id, { registryNo: '5224-2710-0100-0101AB', headName: '张国华', status: 'lifted', since: '2026-11-10' })
    expect(res.statusCode).toBe(200)
    expect(res.json().current).toMatchObject({ status: 'lifted', startedOn: '2026-11-10' })
    expect(await periodsOf(fx.zhang.id)).toEqual(before.periods)
    expect(await auditCount(fx.zhang.id, 'set_status')).toBe(before.audits)
  })

  it('a change on the day the current status began corrects it instead of adding a period', async () => {
    const res = await put(fx.zhang.id, { registryNo: '5224271001000101AB', headName: '张国华', status: 'monitored', since: '2026-11-10' })
    expect(res.statusCode).toBe(200)
    expect(res.json().history.map((p: { status: string; startedOn: string; endedOn: string | null }) => [p.status, p.startedOn, p.endedOn])).toEqual([
      ['monitored', '2026-11-10', null],
      ['registered', '2026-03-01', '2026-11-09'],
    ])
  })

  it('refuses a number another member of the cooperative holds, but not one another cooperative uses', async () => {
    expectError(await put(fx.li.id, { registryNo: '5224271001000101ab', headName: '李秀英', status: 'registered', since: '2026-11-01' }), 409, 'REGISTRY_NO_TAKEN')
    expect((await view(fx.li.id)).registryNo).toBeNull()
    const theirs = await put(other.zhang.id, { registryNo: '5224271001000101AB', headName: '张国华', status: 'registered', since: '2026-11-01' }, other.manager)
    expect(theirs.statusCode).toBe(200)
  })

  it('two managers giving one number to two members at once: exactly one gets it', async () => {
    const [a, b] = await Promise.all(['孙立', '孙平'].map((name) => addFarmer(t.store.db, fx.coop.id, { name })))
    const body = { registryNo: '522427100100050005', headName: '孙立', status: 'registered', since: '2026-11-01' }
    const answers = await Promise.all([put(a.id, body), put(b.id, body)])
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const holders = await t.store.db.select({ farmerId: householdPeriods.farmerId }).from(householdPeriods).where(eq(householdPeriods.registryNo, '522427100100050005'))
    expect(holders).toHaveLength(1)
  })

  it('refuses a registry number that is not 6–30 digits or capitals', async () => {
    for (const registryNo of ['52-24', '5224*0173', '５２２４＊０１７３', 'A'.repeat(31)]) {
      expectError(await put(fx.li.id, { registryNo, headName: '李秀英', status: 'registered', since: '2026-11-01' }), 400, 'INVALID_REGISTRY_NO')
    }
  })

  it('takes a number typed in full-width digits (a Chinese keyboard) as the same number', async () => {
    const typed = await addFarmer(t.store.db, fx.coop.id, { name: '周全' })
    const res = await put(typed.id, { registryNo: '５２２４ ２７１０ ０１００ ０６０００６', headName: '周全', status: 'lifted', since: '2026-11-01' })
    expect(res.statusCode).toBe(200)
    expect(res.json().registryNo).toBe('522427100100060006')
  })

  it('refuses a day after today (in China), before the current status began, or that does not exist', async () => {
    const body = { registryNo: '5224271001000101AB', headName: '张国华', status: 'registered' }
    for (const since of ['2026-11-26', '2026-11-09', '2026-02-30']) expectError(await put(fx.zhang.id, { ...body, since }), 400, 'INVALID_STATUS_DATE')
    expectError(await put(fx.zhang.id, { ...body, since: '2026/11/20' }), 400, 'VALIDATION_FAILED')
    expect((await view(fx.zhang.id)).current.status).toBe('monitored')
  })

  it('ends a registration on its last day; a new status must begin after that day, and the number is then free', async () => {
    const farmer = await addFarmer(t.store.db, fx.coop.id, { name: '王德发', village: '草海镇新华村' })
    expect((await put(farmer.id, { registryNo: '522427100100030003', headName: '王德发', status: 'registered', since: '2026-06-01' })).statusCode).toBe(200)
    expectError(await end(farmer.id, '2026-05-31'), 400, 'INVALID_STATUS_DATE')
    expectError(await end(farmer.id, '2026-11-26'), 400, 'INVALID_STATUS_DATE')
    const ended = await end(farmer.id, '2026-11-20')
    expect(ended.statusCode).toBe(200)
    expect(ended.json()).toMatchObject({ registryNo: '522427100100030003', current: null, history: [{ status: 'registered', startedOn: '2026-06-01', endedOn: '2026-11-20' }] })
    expectError(await end(farmer.id, '2026-11-21'), 409, 'HOUSEHOLD_NOT_ON_REGISTRY')
    expectError(await put(farmer.id, { registryNo: '522427100100030003', headName: '王德发', status: 'monitored', since: '2026-11-20' }), 400, 'INVALID_STATUS_DATE')
    const back = await put(farmer.id, { registryNo: '522427100100030003', headName: '王德发', status: 'monitored', since: '2026-11-22' })
    expect(back.json().history.map((p: { status: string; endedOn: string | null }) => [p.status, p.endedOn])).toEqual([
      ['monitored', null],
      ['registered', '2026-11-20'],
    ])
    expect(await auditCount(farmer.id, 'end_status')).toBe(1)
    expect((await end(farmer.id, '2026-11-24')).statusCode).toBe(200)
    const heir = await addFarmer(t.store.db, fx.coop.id, { name: '王小军' })
    expect((await put(heir.id, { registryNo: '522427100100030003', headName: '王小军', status: 'monitored', since: '2026-11-25' })).statusCode).toBe(200)
  })

  it('a household that was never on the registry cannot be ended', async () => {
    const farmer = await addFarmer(t.store.db, fx.coop.id, { name: '赵小梅' })
    expectError(await end(farmer.id, '2026-11-20'), 409, 'HOUSEHOLD_NOT_ON_REGISTRY')
  })

  it('the list shows each member’s status on today’s China date and how many count as registered', async () => {
    const lifted = await addFarmer(t.store.db, fx.coop.id, { name: '陈建国' })
    await put(lifted.id, { registryNo: '522427100100040004', headName: '陈建国', status: 'registered', since: '2026-01-01' })
    await put(lifted.id, { registryNo: '522427100100040004', headName: '陈建国', status: 'lifted', since: '2026-11-25' })
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/coop/households', headers: fx.manager })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const row = (farmerId: number) => body.members.find((m: { farmerId: number }) => m.farmerId === farmerId)
    expect(row(fx.zhang.id)).toEqual({ farmerId: fx.zhang.id, name: '张国华', village: '草海镇新华村', active: true, registryNoMasked: '5224**********01AB', status: 'monitored', since: '2026-11-10', counts: true })
    // 李秀英 is on the register since before numbers were kept: counted, no number.
    expect(row(fx.li.id)).toMatchObject({ registryNoMasked: null, status: 'registered', since: '2020-01-01', counts: true })
    expect(row(lifted.id)).toMatchObject({ registryNoMasked: '5224**********0004', status: 'lifted', since: '2026-11-25', counts: false })
    // 张国华 (监测户), 李秀英 (在册), 王小军 (监测户), one of 孙立 / 孙平 (在册); 王德发 ended yesterday,
    // 陈建国 lifted out today, 赵小梅 never on it.
    expect(body.registeredToday).toBe(4)
    expect(body.members.map((m: { farmerId: number }) => m.farmerId)).not.toContain(other.zhang.id)
  })
})
