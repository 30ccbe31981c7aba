/**
 * Registry numbers and household status are personal information: every route of the
 * households contract is the cooperative's managers' — no token 401, a farmer or a buyer 403,
 * another cooperative's manager 404 for anything of ours (and nothing of ours in what they do
 * see) — numbers are masked in lists and full only on the member's page, and no buyer-facing
 * answer (product list, product page, farmer page, the buyer's order) carries any of it.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { maskRegistryNo } from '@domain/households'
import { startTestApp, type TestApp } from '../support/app'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { signInFarmer } from './farmer-listings-fixtures'
import { buyAndPay, coopFixture, type Auth } from './coop-support'

const now = new Date('2026-11-25T02:00:00Z')
/** 李秀英's household: her husband 李德明 is its head. */
const LI_NO = '522427100100020002'
const LI_HEAD = '李德明'
const ZHANG_NO = '522427100100010173'
const CSV = `户编号,户主姓名\n${LI_NO},${LI_HEAD}\n${ZHANG_NO},张国华\n`

let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
let other: Awaited<ReturnType<typeof coopFixture>>
let farmer: Auth
let buyer: TestBuyer
let importId: number
let orderId: number

type Method = 'GET' | 'PUT' | 'POST'
interface Call {
  method: Method
  /** The contract's path, e.g. /api/v1/coop/members/:farmerId/household. */
  route: string
  url: (ids: { farmerId: number; importId: number }) => string
  payload?: string | object
  headers?: Record<string, string>
  /** Names one of our farmers or imports (another cooperative gets 404); otherwise it answers for the caller's own cooperative. */
  ours: boolean
}

const member = '/api/v1/coop/members/:farmerId/household'
const imp = '/api/v1/coop/household-imports/:importId'
const CALLS: Call[] = [
  { method: 'GET', route: '/api/v1/coop/households', url: () => '/api/v1/coop/households', ours: false },
  { method: 'GET', route: member, url: (i) => `/api/v1/coop/members/${i.farmerId}/household`, ours: true },
  { method: 'PUT', route: member, url: (i) => `/api/v1/coop/members/${i.farmerId}/household`, payload: { registryNo: '522427100100099999', headName: '李秀英', status: 'lifted', since: '2026-11-20' }, ours: true },
  { method: 'POST', route: `${member}/end`, url: (i) => `/api/v1/coop/members/${i.farmerId}/household/end`, payload: { endedOn: '2026-11-20' }, ours: true },
  {
    method: 'POST',
    route: '/api/v1/coop/household-imports',
    url: () => '/api/v1/coop/household-imports?fileName=list.csv',
    payload: CSV,
    headers: { 'content-type': 'text/csv', 'idempotency-key': 'privacy-probe' },
    ours: false,
  },
  { method: 'GET', route: imp, url: (i) => `/api/v1/coop/household-imports/${i.importId}`, ours: true },
  { method: 'PUT', route: `${imp}/mapping`, url: (i) => `/api/v1/coop/household-imports/${i.importId}/mapping`, payload: { mapping: { registryNo: '户编号', headName: '户主姓名' } }, ours: true },
  { method: 'POST', route: `${imp}/apply`, url: (i) => `/api/v1/coop/household-imports/${i.importId}/apply`, payload: { changesDigest: 'probe' }, ours: true },
  { method: 'POST', route: `${imp}/discard`, url: (i) => `/api/v1/coop/household-imports/${i.importId}/discard`, ours: true },
  { method: 'GET', route: '/api/v1/coop/reports/households', url: () => '/api/v1/coop/reports/households?period=month&at=2026-11', ours: false },
  { method: 'GET', route: '/api/v1/coop/reports/households.xlsx', url: () => '/api/v1/coop/reports/households.xlsx?period=month&at=2026-11', ours: false },
  { method: 'GET', route: '/api/v1/coop/registry-audit', url: () => '/api/v1/coop/registry-audit', ours: false },
]

const send = (c: Call, headers: Record<string, string>) =>
  t.app.inject({ method: c.method, url: c.url({ farmerId: fx.li.id, importId }), headers: { ...c.headers, ...headers }, payload: c.payload })
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

/** Every text cell of an xlsx answer. */
async function xlsxText(payload: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(payload as unknown as ArrayBuffer)
  const cells: string[] = []
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))))
  return cells.join('\n')
}

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  fx = await coopFixture(t)
  other = await coopFixture(t, '湄潭县永兴茶叶专业合作社')
  farmer = (await signInFarmer(t, fx.coop.id)).auth
  buyer = await addBuyer(t)
  for (const [farmerId, registryNo, headName] of [
    [fx.li.id, LI_NO, LI_HEAD],
    [fx.zhang.id, ZHANG_NO, '张国华'],
  ] as const) {
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/coop/members/${farmerId}/household`, headers: fx.manager, payload: { registryNo, headName, status: 'registered', since: '2026-03-01' } })
    if (res.statusCode !== 200) throw new Error(`link: ${res.statusCode} ${res.body}`)
  }
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/coop/household-imports?fileName=county.csv',
    headers: { ...fx.manager, 'content-type': 'text/csv', 'idempotency-key': 'county-list-1' },
    payload: CSV,
  })
  if (upload.statusCode !== 201) throw new Error(`import: ${upload.statusCode} ${upload.body}`)
  importId = upload.json().importId
  orderId = (await buyAndPay(t, buyer, [{ specId: fx.potatoSpec, quantity: 2 }])).orders[0].id
})
afterAll(() => t.close())

describe('registry privacy', () => {
  it('the test covers every route the households contract lists', () => {
    const contract = fs.readFileSync(path.join(__dirname, '../../server/src/contracts/households.ts'), 'utf8')
    const listed = [...contract.matchAll(/^ \*\s+(GET|PUT|POST)\s+(\/api\/\S+?)(?:\?\S*)?\s/gm)].map((m) => `${m[1]} ${m[2]}`)
    expect(listed.length).toBeGreaterThanOrEqual(12)
    expect(CALLS.map((c) => `${c.method} ${c.route}`).sort()).toEqual([...new Set(listed)].sort())
  })

  it('without a token every route answers 401', async () => {
    for (const c of CALLS) expect([c.route, (await send(c, {})).statusCode]).toEqual([c.route, 401])
  })

  it('a farmer and a buyer get 403 on every route, and nothing changed', async () => {
    for (const auth of [farmer, buyer.auth]) {
      for (const c of CALLS) {
        const res = await send(c, auth)
        expect([c.method, c.route, res.statusCode, res.json().error.code]).toEqual([c.method, c.route, 403, 'FORBIDDEN'])
      }
    }
    const mine = (await get(`/api/v1/coop/members/${fx.li.id}/household`, fx.manager)).json()
    expect(mine).toMatchObject({ registryNo: LI_NO, current: { status: 'registered', startedOn: '2026-03-01' } })
    expect((await get(`/api/v1/coop/household-imports/${importId}`, fx.manager)).json().status).toBe('proposed')
  })

  it('another cooperative’s manager gets 404 for our members and imports, and sees nothing of ours elsewhere', async () => {
    const ourIds = [fx.li.id, fx.zhang.id]
    for (const c of CALLS) {
      const res = await send(c, other.manager)
      if (c.ours) {
        expect([c.method, c.route, res.statusCode]).toEqual([c.method, c.route, 404])
        continue
      }
      expect([c.method, c.route, res.statusCode < 300]).toEqual([c.method, c.route, true])
      const text = c.route.endsWith('.xlsx') ? await xlsxText(res.rawPayload) : res.body
      // Their own import of a list carrying our numbers links none of them to our members.
      for (const secret of c.method === 'POST' ? [] : [LI_NO, ZHANG_NO, maskRegistryNo(LI_NO), LI_HEAD]) expect([c.route, text.includes(secret)]).toEqual([c.route, false])
      const farmerIds = [...text.matchAll(/"farmerId":(\d+)/g)].map((m) => Number(m[1]))
      expect(farmerIds.filter((id) => ourIds.includes(id))).toEqual([])
    }
    const mine = (await get(`/api/v1/coop/members/${fx.li.id}/household`, fx.manager)).json()
    expect(mine.current).toMatchObject({ status: 'registered', startedOn: '2026-03-01' })
    expect((await get(`/api/v1/coop/household-imports/${importId}`, fx.manager)).json().status).toBe('proposed')
  })

  it('numbers are masked in the list, the import and the report; in full only on the member’s page', async () => {
    const list = await get('/api/v1/coop/households', fx.manager)
    expect(list.body).not.toContain(LI_NO)
    expect(list.json().members.find((m: { farmerId: number }) => m.farmerId === fx.li.id).registryNoMasked).toBe(maskRegistryNo(LI_NO))
    for (const url of [`/api/v1/coop/household-imports/${importId}`, '/api/v1/coop/reports/households?period=month&at=2026-11', '/api/v1/coop/registry-audit']) {
      const res = await get(url, fx.manager)
      expect([url, res.statusCode, res.body.includes(LI_NO), res.body.includes(ZHANG_NO)]).toEqual([url, 200, false, false])
    }
    const page = await get(`/api/v1/coop/members/${fx.li.id}/household`, fx.manager)
    expect(page.json()).toMatchObject({ registryNo: LI_NO, headName: LI_HEAD })
  })

  it('buyer-facing answers never carry registry numbers, head names or household status', async () => {
    const products = await get('/api/v1/products?limit=50')
    expect(products.statusCode).toBe(200)
    const productIds: number[] = products.json().items.map((p: { id: number }) => p.id)
    expect(productIds.length).toBeGreaterThanOrEqual(2)
    const answers = [
      products,
      ...(await Promise.all(productIds.map((id) => get(`/api/v1/products/${id}`)))),
      await get(`/api/v1/farmers/${fx.li.id}`),
      await get(`/api/v1/farmers/${fx.zhang.id}`),
      await get(`/api/v1/orders/${orderId}`, buyer.auth),
    ]
    for (const res of answers) {
      expect(res.statusCode).toBe(200)
      for (const secret of [LI_NO, ZHANG_NO, maskRegistryNo(LI_NO), maskRegistryNo(ZHANG_NO), LI_HEAD, '在册', '已脱贫', '监测户', '建档立卡']) expect(res.body).not.toContain(secret)
      expect(res.body).not.toMatch(/registry|headName|household|poor|"(registered|lifted|monitored)"/i)
    }
  })
})
