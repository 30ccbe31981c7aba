/**
 * Files as counties send them, for the household-import tests: CSV text (UTF-8 with a BOM, or
 * GBK as Excel saves it on a Chinese Windows) and xlsx built with exceljs.
 */
import ExcelJS from 'exceljs'

let gbkTable: Map<string, number[]> | null = null

/** GBK bytes of `text`: ASCII as is, every other character by searching GBK's two-byte space with the decoder. */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk')
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const ch = decoder.decode(Uint8Array.of(lead, trail))
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail])
      }
    }
  }
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else {
      const pair = gbkTable.get(ch)
      if (!pair) throw new Error(`not in GBK: ${ch}`)
      bytes.push(...pair)
    }
  }
  return Buffer.from(bytes)
}

/** Rows as CSV text, CRLF line ends, fields quoted when they need it. */
export function csvText(rows: readonly (readonly string[])[], delimiter = ','): string {
  const field = (v: string) => (/[",\r\n\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return rows.map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n'
}

export const utf8Csv = (rows: readonly (readonly string[])[]) => Buffer.from(`\uFEFF${csvText(rows)}`, 'utf8')

/** An xlsx whose first sheet holds `rows` (a Date becomes a date cell, a number a number cell); a second sheet is there to be ignored. */
export async function xlsxOf(rows: readonly (readonly (string | number | Date)[])[], { titleRow }: { titleRow?: string } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('名单')
  if (titleRow) {
    sheet.addRow([titleRow])
    sheet.mergeCells(1, 1, 1, Math.max(1, rows[0]?.length ?? 1))
  }
  for (const r of rows) sheet.addRow([...r])
  sheet.getColumn(5).numFmt = 'yyyy-mm-dd'
  book.addWorksheet('说明').addRow(['户编号', '户主姓名'])
  return Buffer.from(await book.xlsx.writeBuffer())
}
