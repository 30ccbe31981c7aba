/** Reports as files: CSV (one section per table) and xlsx (one sheet per table, via exceljs). */
import ExcelJS from 'exceljs'
import { toCsv, type CsvValue } from '@domain/csv'
import type { Table } from './report-tables'

export function tablesToCsv(tables: readonly Table[]): string {
  const rows: CsvValue[][] = []
  tables.forEach((t, i) => {
    if (i > 0) rows.push([])
    if (tables.length > 1) rows.push([`【${t.title}】`])
    rows.push(t.header, ...t.rows)
  })
  return toCsv(rows)
}

const cell = (v: CsvValue): string | number | null => {
  if (v === null || v === undefined) return null
  if (typeof v === 'object') return Number(v.numeric)
  return typeof v === 'boolean' ? (v ? '是' : '否') : v
}

export async function tablesToXlsx(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '乡集 Xiangji'
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31))
    sheet.addRow(t.header).font = { bold: true }
    for (const row of t.rows) {
      // Text goes in as text, never as a formula: exceljs writes a string cell as a shared string.
      sheet.addRow(row.map(cell))
    }
    t.rows[0]?.forEach((v, i) => {
      if (typeof v === 'object' && v !== null) sheet.getColumn(i + 1).numFmt = '0.00'
    })
    sheet.columns.forEach((c) => {
      c.width = 14
    })
    sheet.views = [{ state: 'frozen', ySplit: 1 }]
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export { CSV_TYPE, sendFile, XLSX_TYPE } from '../../http/file-reply'
