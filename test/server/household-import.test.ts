/**
 * Importing the county's household list through the API: the proposal (findings, per-row errors,
 * changes) changes nothing until the manager confirms; a confirmation writes all its changes or,
 * when the members moved since, nothing; CSV (UTF-8 or GBK) and xlsx read alike; the column
 * mapping is remembered; a retried upload is the same import; only the cooperative's managers.
 */
import crypto from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { householdImports, registryAudit } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative, addFarmer } from '../support/catalog-builders'
import { addBuyer } from '../support/order-builders'
import { addManager, type Auth } from './coop-support'
import { signInFarmer } from './farmer-listings-fixtures'
import { csvText, encodeGbk, utf8Csv, xlsxOf } from './household-import-fixtures'

const now = new Date('2026-11-25T02:00:00Z')
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const HEADER = ['序号', '户编号', '户主姓名', '户类型', '纳入时间']
const NO = { zhang: '522427100100010001', li: '522427100100010002', wang: '522427100100010003', zhao: '522427100100019999' }

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
})
afterAll(() => t.close())

type Coop = Awaited<ReturnType<typeof coopWithHouseholds>>

/** A cooperative whose members 张国华, 李秀英 and 王学军 are registered households (在册 since 2026-01-01); 刘明 has no number yet. */
async function coopWithHouseholds() {
  const coop = await addCooperative(t.store.db, { name: `合作社${crypto.randomUUID().slice(0, 6)}` })
  const manager = await addManager(t, coop.id)
  const ids: Record<'zhang' | 'li' | 'wang' | 'liu', number> = { zhang: 0, li: 0, wang: 0, liu: 0 }
  const names = { zhang: '张国华', li: '李秀英', wang: '王学军', liu: '刘明' } as const
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    ids[key] = (await addFarmer(t.store.db, coop.id, { name: names[key] })).id
    if (key === 'liu') continue
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/coop/members/${ids[key]}/household`, headers: manager, payload: { registryNo: NO[key], headName: names[key], status: 'registered', since: '2026-01-01' } })
    if (res.statusCode !== 200) throw new Error(`household: ${res.statusCode} ${res.body}`)
  }
  return { coop, manager, ids }
}

function upload(auth: Auth, body: Buffer, { key = crypto.randomUUID(), type = 'text/csv', fileName = '名单.csv' }: { key?: string; type?: string; fileName?: string } = {}) {
  return t.app.inject({ method: 'POST', url: `/api/v1/coop/household-imports?fileName=${encodeURIComponent(fileName)}`, headers: { ...auth, 'content-type': type, 'idempotency-key': key }, payload: body })
}
const call = (auth: Auth, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1/coop/household-imports/${url}`, headers: auth, ...(payload ? { payload } : {}) })
const households = async (auth: Auth) => (await t.app.inject({ method: 'GET', url: '/api/v1/coop/households', headers: auth })).json()
const history = async (auth: Auth, farmerId: number) => (await t.app.inject({ method: 'GET', url: `/api/v1/coop/members/${farmerId}/household`, headers: auth })).json().history
const statusOf = async (c: Coop, farmerId: number) => (await households(c.manager)).members.find((m: { farmerId: number }) => m.farmerId === farmerId)
const auditActions = async (cooperativeId: number) =>
  (await t.store.db.select({ action: registryAudit.action, rows: registryAudit.rows }).from(registryAudit).where(eq(registryAudit.cooperativeId, cooperativeId)).orderBy(registryAudit.id)).filter((a) => a.action !== 'set_status' && a.action !== 'view_number')

/** The four-findings list: 张国华 matches (and is lifted out), 李秀英's number under another name, 王学军 twice, an unknown number. */
const fourFindings = [
  HEADER,
  ['1', NO.zhang, '张国华', '已脱贫', '2026-10-01'],
  ['2', NO.li, '李秀兰', '在册', '2026-01-01'],
  ['3', NO.wang, '王学军', '在册', '2026-01-01'],
  ['4', NO.wang, '王学军', '在册', '2026-01-01'],
  ['5', NO.zhao, '赵大山', '在册', '2026-01-01'],
]

describe('the proposal and its confirmation', () => {
  it('a county list with a matching number, a name mismatch, a duplicate and an unknown number produces exactly those four findings and changes nothing until confirmed', async () => {
    const c = await coopWithHouseholds()
    const before = await households(c.manager)
    const res = await upload(c.manager, utf8Csv(fourFindings))
    expect(res.statusCode).toBe(201)
    const proposal = res.json()
    expect(proposal).toMatchObject({ status: 'proposed', fileName: '名单.csv', header: HEADER, rowCount: 5, mappingRemembered: false, rowErrors: [], appliedAt: null })
    expect(proposal.mapping).toEqual({ registryNo: '户编号', headName: '户主姓名', status: '户类型', since: '纳入时间' })
    expect(proposal.findings.map((f: { kind: string; row: number; farmerId: number | null }) => [f.kind, f.row, f.farmerId])).toEqual([
      ['match', 1, c.ids.zhang],
      ['name_mismatch', 2, c.ids.li],
      ['duplicate', 3, c.ids.wang],
      ['unknown_number', 5, null],
    ])
    expect(proposal.findings[1].message).toBe('第2行：户编号登记在社员李秀英名下，但名单上的户主是“李秀兰”，请核对名单或社员资料')
    expect(JSON.stringify(proposal)).not.toContain(NO.zhang)
    expect(proposal.changes).toEqual([
      { farmerId: c.ids.zhang, farmerName: '张国华', row: 1, from: { status: 'registered', registryNoMasked: '5224**********0001' }, to: { status: 'lifted', since: '2026-10-01', registryNoMasked: '5224**********0001', headName: '张国华' } },
    ])
    expect(await households(c.manager)).toEqual(before)
    expect((await call(c.manager, 'GET', String(proposal.importId))).json()).toEqual(proposal)

    const applied = await call(c.manager, 'POST', `${proposal.importId}/apply`, { changesDigest: proposal.changesDigest })
    expect(applied.statusCode).toBe(200)
    expect(applied.json()).toMatchObject({ status: 'applied', appliedAt: now.toISOString(), changes: proposal.changes, changesDigest: proposal.changesDigest })
    expect(await statusOf(c, c.ids.zhang)).toMatchObject({ status: 'lifted', since: '2026-10-01', counts: false })
    for (const id of [c.ids.li, c.ids.wang]) expect(await statusOf(c, id)).toMatchObject({ status: 'registered', since: '2026-01-01' })
    expect(await history(c.manager, c.ids.zhang)).toEqual([
      expect.objectContaining({ status: 'lifted', startedOn: '2026-10-01', endedOn: null, source: `import:${proposal.importId}` }),
      expect.objectContaining({ status: 'registered', startedOn: '2026-01-01', endedOn: '2026-09-30', source: 'manual' }),
    ])
    // What was applied stays what the import shows; confirming again is refused.
    expect((await call(c.manager, 'GET', String(proposal.importId))).json()).toMatchObject({ status: 'applied', changes: proposal.changes })
    const again = await call(c.manager, 'POST', `${proposal.importId}/apply`, { changesDigest: proposal.changesDigest })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('IMPORT_NOT_PROPOSED')
    expect(await auditActions(c.coop.id)).toEqual([
      { action: 'import', rows: 5 },
      { action: 'apply_import', rows: 1 },
    ])
  })

  it('a bad file gets a Chinese error per row, and confirming it writes nothing for the bad rows', async () => {
    const c = await coopWithHouseholds()
    const rows = [
      HEADER,
      ['1', '', '张国华', '已脱贫', '2026-10-01'],
      ['2', 'ABC-1', '李秀英', '已脱贫', '2026-10-01'],
      ['3', NO.wang, '王学军', '小康户', '2026-10-01'],
      ['4', NO.li, '李秀英', '已脱贫', '2026-13-01'],
      ['5', '522427100100010005', '刘明', '监测户', '2026-11-02'],
    ]
    const proposal = (await upload(c.manager, utf8Csv(rows))).json()
    expect(proposal.rowErrors).toEqual([
      { row: 1, message: '第1行：户编号为空' },
      { row: 2, message: '第2行：户编号格式不对（应为6–30位数字或字母）' },
      { row: 3, message: '第3行：状态“小康户”不认识（可填在册、已脱贫、监测户）' },
      { row: 4, message: '第4行：日期“2026-13-01”不对' },
    ])
    // Only 刘明's row is good: he is linked. 张国华's number is on no good row, so he is "not on the list".
    expect(proposal.findings.map((f: { kind: string; farmerId: number }) => [f.kind, f.farmerId])).toEqual([
      ['new_link', c.ids.liu],
      ['not_on_list', c.ids.zhang],
    ])
    const applied = await call(c.manager, 'POST', `${proposal.importId}/apply`, { changesDigest: proposal.changesDigest })
    expect(applied.statusCode).toBe(200)
    expect(await statusOf(c, c.ids.liu)).toMatchObject({ status: 'monitored', since: '2026-11-02', registryNoMasked: '5224**********0005' })
    for (const id of [c.ids.zhang, c.ids.li, c.ids.wang]) expect(await statusOf(c, id)).toMatchObject({ status: 'registered', since: '2026-01-01' })
  })

  it('a confirmation whose members moved since the proposal is refused as stale and writes nothing', async () => {
    const c = await coopWithHouseholds()
    const proposal = (await upload(c.manager, utf8Csv(fourFindings))).json()
    // Meanwhile, on 张国华's page, the manager marks him monitored from November.
    const manual = await t.app.inject({ method: 'PUT', url: `/api/v1/coop/members/${c.ids.zhang}/household`, headers: c.manager, payload: { registryNo: NO.zhang, headName: '张国华', status: 'monitored', since: '2026-11-01' } })
    expect(manual.statusCode).toBe(200)
    const before = await households(c.manager)
    const stale = await call(c.manager, 'POST', `${proposal.importId}/apply`, { changesDigest: proposal.changesDigest })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.code).toBe('IMPORT_STALE')
    expect(await households(c.manager)).toEqual(before)
    const fresh = (await call(c.manager, 'GET', String(proposal.importId))).json()
    expect(fresh.status).toBe('proposed')
    expect(fresh.changesDigest).not.toBe(proposal.changesDigest)
    // The new proposal dates the change from the day the manual status began, and confirms.
    expect(fresh.changes[0].to).toMatchObject({ status: 'lifted', since: '2026-11-01' })
    expect((await call(c.manager, 'POST', `${proposal.importId}/apply`, { changesDigest: fresh.changesDigest })).statusCode).toBe(200)
    expect(await statusOf(c, c.ids.zhang)).toMatchObject({ status: 'lifted', since: '2026-11-01' })
  })

  it('two confirmations at once: one applies, the other is refused, and the change is written once', async () => {
    const c = await coopWithHouseholds()
    const proposal = (await upload(c.manager, utf8Csv(fourFindings))).json()
    const apply = () => call(c.manager, 'POST', `${proposal.importId}/apply`, { changesDigest: proposal.changesDigest })
    const answers = await Promise.all([apply(), apply()])
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409])
    expect((await history(c.manager, c.ids.zhang)).map((p: { status: string; endedOn: string | null }) => [p.status, p.endedOn])).toEqual([
      ['lifted', null],
      ['registered', '2026-09-30'],
    ])
  })

  it('a discarded import changes nothing and can no longer be confirmed', async () => {
    const c = await coopWithHouseholds()
    const proposal = (await upload(c.manager, utf8Csv(fourFindings))).json()
    const discarded = await call(c.manager, 'POST', `${proposal.importId}/discard`)
    expect(discarded.statusCode).toBe(200)
    expect(discarded.json()).toMatchObject({ status: 'discarded', changes: [] })
    const apply = await call(c.manager, 'POST', `${proposal.importId}/apply`, { changesDigest: proposal.changesDigest })
    expect(apply.json().error.code).toBe('IMPORT_NOT_PROPOSED')
    expect(await statusOf(c, c.ids.zhang)).toMatchObject({ status: 'registered' })
    expect((await auditActions(c.coop.id)).map((a) => a.action)).toEqual(['import', 'discard_import'])
  })
})

describe('reading the file', () => {
  it('an unreadable file is a 422 IMPORT_FILE_UNREADABLE and keeps no import', async () => {
    const c = await coopWithHouseholds()
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])
    for (const [body, type] of [
      [png, 'application/octet-stream'],
      [utf8Csv(fourFindings), XLSX],
      [Buffer.alloc(0), 'text/csv'],
    ] as const) {
      const res = await upload(c.manager, body, { type })
      expect(res.statusCode).toBe(422)
      expect(res.json().error.code).toBe('IMPORT_FILE_UNREADABLE')
    }
    const [{ n }] = await t.store.db.select({ n: count() }).from(householdImports).where(eq(householdImports.cooperativeId, c.coop.id))
    expect(n).toBe(0)
    expect((await upload(c.manager, Buffer.from('{}'), { type: 'application/json' })).statusCode).toBe(415)
    expect((await upload(c.manager, Buffer.alloc(2 * 1024 * 1024 + 1, 0x41))).statusCode).toBe(413)
  })

  it('an xlsx reads the same as the CSV of the same list', async () => {
    const c = await coopWithHouseholds()
    const rows = fourFindings.slice(1).map((r) => [Number(r[0]), r[1], r[2], r[3], new Date(`${r[4]}T00:00:00Z`)])
    const fromXlsx = await upload(c.manager, await xlsxOf([HEADER, ...rows]), { type: XLSX, fileName: '名单.xlsx' })
    const fromCsv = await upload(c.manager, utf8Csv(fourFindings), { type: 'application/octet-stream' })
    expect(fromXlsx.statusCode).toBe(201)
    const pick = ({ header, rowCount, mapping, rowErrors, findings, changes, changesDigest }: Record<string, unknown>) => ({ header, rowCount, mapping, rowErrors, findings, changes, changesDigest })
    expect(pick(fromXlsx.json())).toEqual(pick(fromCsv.json()))
    expect(fromXlsx.json().findings).toHaveLength(4)
  })

  it('a GBK CSV (as Excel on a Chinese Windows saves it) decodes', async () => {
    const c = await coopWithHouseholds()
    const res = await upload(c.manager, encodeGbk(csvText([HEADER, ['1', NO.zhang, '张国华', '监测户', '2026-11-02'], ['2', NO.li, '李秀英', '在册', ''], ['3', NO.wang, '王学军', '在册', '']])), { type: 'text/csv; charset=gbk' })
    expect(res.statusCode).toBe(201)
    const proposal = res.json()
    expect(proposal.header).toEqual(HEADER)
    expect(proposal.findings.map((f: { kind: string; listName: string }) => [f.kind, f.listName])).toEqual([
      ['match', '张国华'],
      ['match', '李秀英'],
      ['match', '王学军'],
    ])
    expect(proposal.changes.map((ch: { to: object }) => ch.to)).toEqual([{ status: 'monitored', since: '2026-11-02', registryNoMasked: '5224**********0001', headName: '张国华' }])
  })
})

describe('the column mapping', () => {
  it('is asked for when the header names no known column, and remembered for the next import', async () => {
    const c = await coopWithHouseholds()
    const list = utf8Csv([['编码', '户主名字', '情况'], [NO.zhang, '张国华', '已脱贫'], [NO.li, '李秀英', '在册'], [NO.wang, '王学军', '在册']])
    const first = (await upload(c.manager, list)).json()
    expect(first).toMatchObject({ mapping: null, mappingRemembered: false, findings: [], changes: [] })
    const incomplete = await call(c.manager, 'POST', `${first.importId}/apply`, { changesDigest: first.changesDigest })
    expect(incomplete.statusCode).toBe(400)
    expect(incomplete.json().error.code).toBe('IMPORT_MAPPING_INCOMPLETE')
    const wrongColumn = await call(c.manager, 'PUT', `${first.importId}/mapping`, { mapping: { registryNo: '编码', headName: '姓名' } })
    expect(wrongColumn.json().error.code).toBe('IMPORT_MAPPING_INCOMPLETE')

    const mapping = { registryNo: '编码', headName: '户主名字', status: '情况' }
    const mapped = (await call(c.manager, 'PUT', `${first.importId}/mapping`, { mapping })).json()
    expect(mapped).toMatchObject({ mapping, mappingRemembered: false })
    expect(mapped.findings.map((f: { kind: string }) => f.kind)).toEqual(['match', 'match', 'match'])
    expect(mapped.changes.map((ch: { farmerId: number; to: { since: string } }) => [ch.farmerId, ch.to.since])).toEqual([[c.ids.zhang, '2026-11-25']])
    expect((await call(c.manager, 'POST', `${first.importId}/apply`, { changesDigest: mapped.changesDigest })).statusCode).toBe(200)

    const second = (await upload(c.manager, list)).json()
    expect(second).toMatchObject({ mapping, mappingRemembered: true, changes: [] })
    expect(second.findings.map((f: { kind: string }) => f.kind)).toEqual(['match', 'match', 'match'])
  })

  it('a mapping set on a list stays that list’s: another open list keeps its own, and a discarded one is not remembered', async () => {
    const c = await coopWithHouseholds()
    const list = utf8Csv([['编码', '户主名字', '情况'], [NO.zhang, '张国华', '已脱贫']])
    const [a, b] = [(await upload(c.manager, list)).json(), (await upload(c.manager, list)).json()]
    const mapping = { registryNo: '编码', headName: '户主名字', status: '情况' }
    expect((await call(c.manager, 'PUT', `${a.importId}/mapping`, { mapping })).json()).toMatchObject({ mapping, mappingRemembered: false })
    // the other open list is still unmapped
    expect((await call(c.manager, 'GET', `${b.importId}`)).json()).toMatchObject({ mapping: null })
    expect((await call(c.manager, 'POST', `${a.importId}/discard`)).statusCode).toBe(200)
    expect((await upload(c.manager, list)).json()).toMatchObject({ mapping: null, mappingRemembered: false })
  })
})

describe('retries and access', () => {
  it('a retry with the same Idempotency-Key answers the same import, and one row is kept', async () => {
    const c = await coopWithHouseholds()
    const key = crypto.randomUUID()
    const first = await upload(c.manager, utf8Csv(fourFindings), { key })
    const retry = await upload(c.manager, utf8Csv(fourFindings), { key })
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200])
    expect(retry.json()).toEqual(first.json())
    const rows = await t.store.db.select({ n: count() }).from(householdImports).where(and(eq(householdImports.cooperativeId, c.coop.id), eq(householdImports.idempotencyKey, key)))
    expect(rows[0].n).toBe(1)
    expect((await auditActions(c.coop.id)).map((a) => a.action)).toEqual(['import'])
    const otherFile = await upload(c.manager, utf8Csv(fourFindings.slice(0, 2)), { key })
    expect(otherFile.statusCode).toBe(409)
    expect(otherFile.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    const noKey = await t.app.inject({ method: 'POST', url: '/api/v1/coop/household-imports', headers: { ...c.manager, 'content-type': 'text/csv' }, payload: utf8Csv(fourFindings) })
    expect(noKey.statusCode).toBe(400)
  })

  it('another cooperative’s manager gets 404 on every import route; a farmer or a buyer 403; nobody signed in 401', async () => {
    const c = await coopWithHouseholds()
    const other = await coopWithHouseholds()
    const proposal = (await upload(c.manager, utf8Csv(fourFindings))).json()
    const id = proposal.importId
    const routes = [
      ['GET', `${id}`, undefined],
      ['PUT', `${id}/mapping`, { mapping: { registryNo: '户编号', headName: '户主姓名' } }],
      ['POST', `${id}/apply`, { changesDigest: proposal.changesDigest }],
      ['POST', `${id}/discard`, undefined],
    ] as const
    for (const [method, url, body] of routes) {
      const res = await call(other.manager, method, url, body)
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 404, 'NOT_FOUND'])
    }
    const farmer = await signInFarmer(t, other.coop.id)
    const buyer = await addBuyer(t)
    for (const auth of [farmer.auth, buyer.auth]) {
      expect((await upload(auth, utf8Csv(fourFindings))).statusCode).toBe(403)
      expect((await call(auth, 'GET', `${id}`)).statusCode).toBe(403)
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/coop/household-imports/${id}` })).statusCode).toBe(401)
    expect((await call(c.manager, 'GET', `${id}`)).json().status).toBe('proposed')
    expect(await statusOf(c, c.ids.zhang)).toMatchObject({ status: 'registered' })
  })
})
