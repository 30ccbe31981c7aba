/**
 * The registry audit log: every view of a full registry number and every status change is
 * written (who, when, which member), the manager reads it newest first in Chinese, page by page,
 * and it never repeats a full number. Imports and exports (written by their own routes through
 * recordAudit) read as Chinese lines too.
 */
import { eq } from 'drizzle-orm'
import { users } from '../../server/src/db/schema'
import { recordAudit } from '../../server/src/modules/households/registry-audit'
import { startTestApp, type TestApp } from '../support/app'
import { addFarmer } from '../support/catalog-builders'
import { addManager, coopFixture, type Auth } from './coop-support'

const now = new Date('2026-11-25T02:00:00Z')
const ZHANG_NO = '522427100100010173'
let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
let other: Awaited<ReturnType<typeof coopFixture>>
let accountant: Auth

type Entry = { id: number; at: string; userName: string; action: string; farmerId: number | null; farmerName: string | null; rows: number | null; summary: string }

async function named(auth: Auth, nickname: string): Promise<number> {
  const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth })).json()
  await t.store.db.update(users).set({ nickname }).where(eq(users.id, me.id))
  return me.id as number
}

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  fx = await coopFixture(t)
  other = await coopFixture(t, '湄潭县永兴茶叶专业合作社')
  await named(fx.manager, '王主任')
  accountant = await addManager(t, fx.coop.id)
  await named(accountant, '刘会计')
})
afterAll(() => t.close())

const path = (farmerId: number) => `/api/v1/coop/members/${farmerId}/household`
const view = (farmerId: number, headers: Auth = fx.manager) => t.app.inject({ method: 'GET', url: path(farmerId), headers })
const put = (farmerId: number, body: object) => t.app.inject({ method: 'PUT', url: path(farmerId), headers: fx.manager, payload: body })
const auditPage = (query = '', headers: Auth = fx.manager) => t.app.inject({ method: 'GET', url: `/api/v1/coop/registry-audit${query}`, headers })
const entries = async (headers: Auth = fx.manager): Promise<Entry[]> => (await auditPage('?limit=100', headers)).json().entries

describe('the registry audit log', () => {
  it('each status change is logged with who made it, for which member, in Chinese', async () => {
    expect((await put(fx.zhang.id, { registryNo: ZHANG_NO, headName: '张国华', status: 'registered', since: '2026-03-01' })).statusCode).toBe(200)
    expect((await put(fx.zhang.id, { registryNo: ZHANG_NO, headName: '张国华', status: 'lifted', since: '2026-11-10' })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'POST', url: `${path(fx.zhang.id)}/end`, headers: fx.manager, payload: { endedOn: '2026-11-20' } })).statusCode).toBe(200)
    const [ended, lifted, registered] = await entries()
    const who = { userName: '王主任', farmerId: fx.zhang.id, farmerName: '张国华', rows: null }
    expect(ended).toMatchObject({ ...who, action: 'end_status', summary: '移出登记：已脱贫至2026-11-20止', at: now.toISOString() })
    expect(lifted).toMatchObject({ ...who, action: 'set_status', summary: '状态由在册改为已脱贫，自2026-11-10起（户编号 5224**********0173）' })
    expect(registered).toMatchObject({ ...who, action: 'set_status', summary: '登记为在册，自2026-03-01起（户编号 5224**********0173）' })
  })

  it('each view of a full number is logged, by whoever looked; a member without a number is not', async () => {
    const before = (await entries()).length
    expect((await view(fx.zhang.id)).json().registryNo).toBe(ZHANG_NO)
    expect((await view(fx.zhang.id, accountant)).json().registryNo).toBe(ZHANG_NO)
    expect((await view(fx.li.id)).json().registryNo).toBeNull()
    const log = await entries()
    expect(log).toHaveLength(before + 2)
    expect(log.slice(0, 2)).toMatchObject([
      { action: 'view_number', userName: '刘会计', farmerId: fx.zhang.id, farmerName: '张国华', summary: '查看了完整户编号' },
      { action: 'view_number', userName: '王主任', farmerId: fx.zhang.id, summary: '查看了完整户编号' },
    ])
  })

  it('imports and exports written through recordAudit read as Chinese lines', async () => {
    const [admin] = await t.store.db.select({ id: users.id }).from(users).where(eq(users.nickname, '王主任'))
    const base = { cooperativeId: fx.coop.id, userId: admin.id }
    await recordAudit(t.store.db, { ...base, action: 'import', detail: { importId: 7, fileName: '威宁县监测户名单.xlsx' }, rows: 42 })
    await recordAudit(t.store.db, { ...base, action: 'apply_import', detail: { importId: 7 }, rows: 5 })
    await recordAudit(t.store.db, { ...base, action: 'discard_import', detail: { importId: 8 } })
    await recordAudit(t.store.db, { ...base, action: 'export', detail: { period: 'month', at: '2026-11' }, rows: 3 })
    await recordAudit(t.store.db, { ...base, action: 'export', detail: { period: 'week', at: '2026-W48' }, rows: 2 })
    expect((await entries()).slice(0, 5).map((e) => e.summary)).toEqual([
      '导出了2026年第48周的报表，2户',
      '导出了2026年11月的报表，3户',
      '放弃了一次名单导入',
      '确认导入了名单，变更5户',
      '上传了县里的名单《威宁县监测户名单.xlsx》，42行',
    ])
  })

  it('pages newest first by cursor, and refuses a cursor it did not hand out', async () => {
    const all = await entries()
    const seen: Entry[] = []
    let cursor: string | null = null
    do {
      const res = await auditPage(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.statusCode).toBe(200)
      const page: { entries: Entry[]; nextCursor: string | null } = res.json()
      expect(page.entries.length).toBeLessThanOrEqual(2)
      seen.push(...page.entries)
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(all)
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a))
    for (const bad of ['abc', '0', '-1', '99999999999999999999']) {
      const res = await auditPage(`?cursor=${bad}`)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('INVALID_CURSOR')
    }
  })

  it('never repeats a full number, and shows another cooperative only its own entries', async () => {
    expect((await auditPage('?limit=100')).body).not.toContain(ZHANG_NO)
    const theirFarmer = await addFarmer(t.store.db, other.coop.id, { name: '周德明' })
    const res = await t.app.inject({ method: 'PUT', url: path(theirFarmer.id), headers: other.manager, payload: { registryNo: '520328200100020002', headName: '周德明', status: 'registered', since: '2026-10-01' } })
    expect(res.statusCode).toBe(200)
    expect((await entries(other.manager)).map((e) => [e.farmerId, e.action])).toEqual([[theirFarmer.id, 'set_status']])
    expect((await entries()).map((e) => e.farmerId)).not.toContain(theirFarmer.id)
  })
})
