/**
 * The registry report's xlsx, as a county office opens it: the documented columns (README
 * "Registry report (县里核对用)"), full registry numbers as text, money as numbers in yuan with two
 * decimals, the same figures as the page, a village sheet, and a title saying who exported it and
 * when — and the export in the audit log with who. exceljs reads the file back.
 */
import ExcelJS from 'exceljs'
import { registryScenario, ZHANG_NO, type RegistryScenario } from './registry-fixtures'

let s: RegistryScenario

beforeAll(async () => {
  s = await registryScenario()
})
afterAll(() => s.close())

const get = (url: string) => s.t.app.inject({ method: 'GET', url, headers: s.fx.manager })

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as unknown as ArrayBuffer)
  return wb
}

const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1)

describe('the registry report as xlsx', () => {
  it('the xlsx export opens with the documented columns and the same figures as the page', async () => {
    const page = (await get('/api/v1/coop/reports/households?period=month&at=2026-11')).json()
    const res = await get('/api/v1/coop/reports/households.xlsx?period=month&at=2026-11')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('乡集帮扶户收入-2026-11.xlsx')}`)
    const wb = await workbookOf(res.rawPayload)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按户', '按村', '说明'])

    const sheet = wb.getWorksheet('按户')!
    const title = String(sheet.getCell(1, 1).value)
    expect(title).toContain('威宁县草海高原果蔬专业合作社')
    expect(title).toContain('威宁县')
    expect(title).toContain('2026年11月（2026-11-01 至 2026-11-30）')
    expect(title).toContain(`导出人 ${s.managerName} · 导出时间 2026-12-02 10:00（北京时间）`)
    expect(values(sheet.getRow(2))).toEqual(['户编号', '户主姓名', '社员姓名', '村', '状态', '订单数', '销量（斤）', '销售额（元）', '农户承担退款（元）', '计入收入（元）'])

    const rows = page.byHousehold.map((_: unknown, i: number) => values(sheet.getRow(3 + i)))
    expect(rows).toHaveLength(2)
    const zhang = rows.find((r: unknown[]) => r[2] === '张国华')
    // the full number, as text (a spreadsheet number would lose its last digits)
    expect(zhang).toEqual([ZHANG_NO, '张大山', '张国华', '草海镇新华村', '已脱贫', 2, 15, 89.7, 10, 79.7])
    for (const [i, h] of (page.byHousehold as { name: string; orders: number; jin: number; grossFen: number; refundsFen: number; incomeFen: number }[]).entries()) {
      expect(rows[i][2]).toBe(h.name)
      expect(rows[i].slice(5)).toEqual([h.orders, h.jin, h.grossFen / 100, h.refundsFen / 100, h.incomeFen / 100])
    }
    const total = values(sheet.getRow(3 + rows.length))
    expect(total[0]).toBe('合计')
    expect(total.slice(5)).toEqual([page.totals.orders, page.totals.jin, page.totals.grossFen / 100, page.totals.refundsFen / 100, page.totals.incomeFen / 100])
    // money is a number with two decimals, never text
    for (const col of [8, 9, 10]) {
      expect(typeof sheet.getCell(3, col).value).toBe('number')
      expect(sheet.getCell(3, col).numFmt).toBe('0.00')
    }

    const villages = wb.getWorksheet('按村')!
    expect(String(villages.getCell(1, 1).value)).toBe(title)
    expect(values(villages.getRow(2))).toEqual(['村', '户数', '订单数', '销量（斤）', '销售额（元）', '农户承担退款（元）', '计入收入（元）'])
    for (const [i, v] of (page.byVillage as { village: string; households: number; orders: number; jin: number; grossFen: number; refundsFen: number; incomeFen: number }[]).entries()) {
      expect(values(villages.getRow(3 + i))).toEqual([v.village, v.households, v.orders, v.jin, v.grossFen / 100, v.refundsFen / 100, v.incomeFen / 100])
    }
    expect(values(villages.getRow(3 + page.byVillage.length))).toEqual(['合计', 2, 3, 25, 124.7, 17, 107.7])
  })

  it('the export is in the audit log with who made it, when, and the period', async () => {
    s.setNow(new Date('2026-12-03T06:30:00Z'))
    expect((await get('/api/v1/coop/reports/households.xlsx?period=week&at=2026-W47')).statusCode).toBe(200)
    const log = (await get('/api/v1/coop/registry-audit')).json()
    expect(log.entries[0]).toMatchObject({ action: 'export', userName: s.managerName, at: '2026-12-03T06:30:00.000Z', rows: 1, summary: '导出了2026年第47周的报表，1户' })
    s.setNow(new Date('2026-12-02T02:00:00Z'))
  })

  it('a bad period is refused before anything is exported or logged', async () => {
    const before = (await get('/api/v1/coop/registry-audit')).json().entries.length
    const res = await get('/api/v1/coop/reports/households.xlsx?period=month&at=2026-W47')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('INVALID_PERIOD')
    expect((await get('/api/v1/coop/registry-audit')).json().entries).toHaveLength(before)
  })
})
