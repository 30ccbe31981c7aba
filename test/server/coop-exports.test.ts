/**
 * Downloads: CSV that opens in Excel/WPS with Chinese intact (BOM, CRLF, quoting, formula
 * injection neutralised) and an xlsx with one sheet per breakdown, read back with exceljs.
 */
import ExcelJS from 'exceljs'
import { startTestApp, type TestApp } from '../support/app'
import { addFarmer, addProduct } from '../support/catalog-builders'
import { addBuyer } from '../support/order-builders'
import { coopFixture, insertPaidOrder } from './coop-support'

const now = new Date('2026-12-02T02:00:00Z') // 2026-W49
let t: TestApp
let fx: Awaited<ReturnType<typeof coopFixture>>
const TRICKY = '=HYPERLINK("http://evil.example","王,"大"哥")'

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  fx = await coopFixture(t)
  const tricky = await addFarmer(t.store.db, fx.coop.id, { name: TRICKY, village: '+1 村\n二组', isPoorHousehold: true })
  const product = await addProduct(t.store.db, tricky.id, { title: '@SUM(A1) 辣椒' }, [{ name: '-1斤装', priceFen: 1234, unit: '斤', netWeightG: 500, stock: 10 }])
  const buyer = await addBuyer(t)
  const buyerId = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: buyer.auth })).json().id
  const spec = { specId: product.specs[0].id, productId: product.id, priceFen: 1234, netWeightG: 500, unit: '斤' as const }
  await insertPaidOrder(t, { buyerId, farmerId: tricky.id, paidAt: new Date('2026-11-24T03:00:00Z'), province: '广东省', lines: [{ ...spec, quantity: 3 }] })
  await insertPaidOrder(t, { buyerId, farmerId: tricky.id, paidAt: new Date('2026-12-01T03:00:00Z'), lines: [{ ...spec, quantity: 1 }] })
})
afterAll(() => t.close())

const download = (path: string) => t.app.inject({ method: 'GET', url: `/api/v1/coop/reports/${path}`, headers: fx.manager })

describe('CSV downloads', () => {
  it('the weekly report opens with Chinese intact: BOM, CRLF, quoting, no formulas', async () => {
    const res = await download('weekly.csv?week=2026-W48')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="xiangji-weekly-2026-W48.csv"; filename*=UTF-8''${encodeURIComponent('乡集周报-2026-W48.csv')}`,
    )
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = res.rawPayload.toString('utf8')
    expect(text).toContain('【按农户】\r\n农户,村,在册户,订单数,重量(kg),销售额(元),退款(元),净销售额(元)\r\n')
    // quotes doubled, the field quoted (comma), the formula disarmed with a leading apostrophe
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""王,""大""哥"")","'+1 村\n二组",是,1,1.5,37.02,0.00,37.02\r\n`)
    expect(text).toContain("'@SUM(A1) 辣椒")
    expect(text).toContain(",'-1斤装,斤,3,")
    expect(text).not.toMatch(/(^|,)[=+@]/m)
    expect(text.split('\r\n').every((line) => !line.includes('\n') || line.includes('"'))).toBe(true)
  })

  it('the impact and settlement reports download too', async () => {
    const impact = await download('impact.csv?week=2026-W48')
    expect(impact.statusCode).toBe(200)
    expect(impact.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('乡集帮扶收入-2026-W48.csv')}`)
    expect(impact.rawPayload.toString('utf8')).toContain('37.02')
    const statements = await download('settlements.csv?week=2026-W48')
    expect(statements.statusCode).toBe(200)
    const text = statements.rawPayload.toString('utf8')
    expect(text.startsWith('\uFEFF【结算单】\r\n周次,农户,村,状态')).toBe(true)
    // the refunds each statement takes, by kind, and the one rule for their week
    expect(text).toContain('【退款明细】\r\n农户,承担方,退款类型,笔数,商品退款(元),运费退款(元)\r\n')
    expect(text).toContain('退款计入退款成功（到账）的那一周；已确认的结算单不再改动')
    // 3702 gross at 5 %: commission 185.1 → 185
    expect(text).toContain('2026-W48,"\'=HYPERLINK(')
    expect(text).toContain(',待确认,1,37.02,0.00,5%,1.85,0.00,0.00,35.17,\r\n')
  })
})

describe('the xlsx workbook', () => {
  it('has one sheet per breakdown, with numbers as numbers and text as text', async () => {
    const res = await download('weekly.xlsx?week=2026-W48')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('乡集周报-2026-W48.xlsx')}`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '按农户', '按商品规格', '按买家省份', '近8周趋势', '按退款类型'])
    expect(book.getWorksheet('按退款类型')!.getRow(1).values).toEqual([undefined, '退款类型', '笔数', '商品退款(元)', '运费退款(元)', '合作社承担笔数', '合作社承担商品退款(元)', '合作社承担运费退款(元)'])
    const farmers = book.getWorksheet('按农户')!
    expect(farmers.getRow(1).values).toEqual([undefined, '农户', '村', '在册户', '订单数', '重量(kg)', '销售额(元)', '退款(元)', '净销售额(元)'])
    expect(farmers.getCell('A2').value).toBe(TRICKY)
    expect(farmers.getCell('A2').type).toBe(ExcelJS.ValueType.String)
    expect(farmers.getCell('F2').value).toBe(37.02)
    const provinces = book.getWorksheet('按买家省份')!
    expect(provinces.getCell('A2').value).toBe('广东省')
    expect(book.getWorksheet('近8周趋势')!.rowCount).toBe(9)
  })
})
