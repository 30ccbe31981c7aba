/** Reports as files: CSV (one section per table) and xlsx (one sheet per table, via exceljs). */
import ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'
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

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
function contentDisposition(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`
}

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function sendFile(reply: FastifyReply, type: string, names: { ascii: string; utf8: string }, body: string | Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(names.ascii, names.utf8))
    .header('cache-control', 'private, no-store')
    .send(body)
}
