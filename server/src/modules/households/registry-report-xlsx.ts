/**
 * The registry report as the xlsx a county office reconciles with its own records (exceljs).
 * The layout is fixed and documented in README.md ("Registry report (县里核对用)"):
 *
 *   sheet 按户  row 1  title: cooperative · county · period (from 至 to) · 导出人 … · 导出时间 yyyy-MM-dd HH:mm（北京时间）
 *               row 2  HOUSEHOLD_COLUMNS
 *               row 3… one row per household (户编号 in full, as text), then 合计
 *   sheet 按村  row 1 the same title, row 2 VILLAGE_COLUMNS, one row per village, then 合计
 *   sheet 说明  how the figures are counted
 *
 * Money is a number in yuan with 2 decimals (number format 0.00, never text); 斤 one decimal.
 */
import ExcelJS from 'exceljs'
import { formatChinaDateTime } from '@domain/china-time'
import { HOUSEHOLD_STATUS_LABELS } from '@domain/households'
import { periodLabel } from '@domain/periods'
import type { RegistryReportDto } from '@contracts/households'

type HouseholdRow = RegistryReportDto['byHousehold'][number]
/** A household as the export carries it: the page's row with the full registry number and the head's name instead of the mask. */
export type HouseholdLine = Omit<HouseholdRow, 'registryNoMasked'> & { registryNo: string | null; headName: string }
/** The report as the export carries it. */
export type RegistryReportData = Omit<RegistryReportDto, 'byHousehold'> & { byHousehold: HouseholdLine[] }

export const HOUSEHOLD_COLUMNS = ['户编号', '户主姓名', '社员姓名', '村', '状态', '订单数', '销量（斤）', '销售额（元）', '农户承担退款（元）', '计入收入（元）'] as const
export const VILLAGE_COLUMNS = ['村', '户数', '订单数', '销量（斤）', '销售额（元）', '农户承担退款（元）', '计入收入（元）'] as const

export const REGISTRY_RULES = [
  '计入收入 = 销售额（商品金额，不含运费）− 农户承担的退款；合作社承担的退款不计。',
  '一笔销售是否计入，看付款当天（北京时间）该户的状态：在册或监测户计入，已脱贫或未登记不计。',
  '退款计入退款成功的那一期；只有当它退的那笔销售在付款当天计入时，才从计入收入中扣除。',
  '销量（斤）= 售出重量 ÷ 500 克；户数为本期有计入销售或退款的户。',
]

type Figures = Pick<HouseholdRow, 'orders' | 'jin' | 'grossFen' | 'refundsFen' | 'incomeFen'>
const yuan = (fen: number) => fen / 100
const money = (f: Figures) => [f.orders, f.jin, yuan(f.grossFen), yuan(f.refundsFen), yuan(f.incomeFen)]

function titleOf(r: RegistryReportData, exporter: { by: string; at: Date }): string {
  const period = `${periodLabel(r.period, r.at)}（${r.from} 至 ${r.to}）`
  return `${r.cooperative.name} · ${r.cooperative.county} · ${period} · 导出人 ${exporter.by} · 导出时间 ${formatChinaDateTime(exporter.at.toISOString())}（北京时间）`
}

/** Title, header, rows, total; the last five columns are 订单数, 斤 and the three amounts. */
function addTable(workbook: ExcelJS.Workbook, name: string, title: string, header: readonly string[], rows: (string | number)[][], total: (string | number)[]) {
  const sheet = workbook.addWorksheet(name)
  const width = header.length
  sheet.addRow([title]).font = { bold: true }
  sheet.mergeCells(1, 1, 1, width)
  sheet.addRow([...header]).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  sheet.addRow(total).font = { bold: true }
  sheet.getColumn(width - 3).numFmt = '0.0'
  for (const c of [width - 2, width - 1, width]) sheet.getColumn(c).numFmt = '0.00'
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 22 : 14
  })
  sheet.views = [{ state: 'frozen', ySplit: 2 }]
  return sheet
}

const householdRow = (l: HouseholdLine): (string | number)[] => [
  l.registryNo ?? '',
  l.headName,
  l.name,
  l.village,
  l.status === null ? '未登记' : HOUSEHOLD_STATUS_LABELS[l.status],
  ...money(l),
]

export async function registryXlsx(r: RegistryReportData, exporter: { by: string; at: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '乡集 Xiangji'
  workbook.created = exporter.at
  const title = titleOf(r, exporter)
  const totals = money(r.totals)
  const households = addTable(workbook, '按户', title, HOUSEHOLD_COLUMNS, r.byHousehold.map(householdRow), ['合计', '', `${r.totals.households}户`, '', '', ...totals])
  // Registry numbers stay text: a long number as a spreadsheet number would lose digits.
  households.getColumn(1).numFmt = '@'
  addTable(workbook, '按村', title, VILLAGE_COLUMNS, r.byVillage.map((v) => [v.village, v.households, ...money(v)]), ['合计', r.totals.households, ...totals])
  const rules = workbook.addWorksheet('说明')
  rules.addRow([title]).font = { bold: true }
  for (const line of REGISTRY_RULES) rules.addRow([line])
  rules.getColumn(1).width = 90
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
