/**
 * Reading the county's household list as uploaded: CSV (UTF-8 with or without BOM, UTF-16 with
 * BOM, or GB18030/GBK when the bytes are not UTF-8 — Excel on a Chinese Windows saves CSV that
 * way; quoted fields; commas or tabs) or xlsx (the first worksheet, via exceljs; cells to text,
 * dates as YYYY-MM-DD). The header is the first row naming the registry number or the head's
 * name within the first rows (a title row above it is skipped), else the first non-blank row.
 * At most IMPORT_MAX_ROWS data rows. A file that is none of these is IMPORT_FILE_UNREADABLE.
 */
import ExcelJS from 'exceljs'
import { AppError } from '../../http/errors'
import { looksLikeHeader } from './import-mapping'

export const IMPORT_MAX_ROWS = 5000
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024
const MAX_COLUMNS = 100
const MAX_CELL = 200
/** How far down a title row may push the header. */
const HEADER_SEARCH_ROWS = 10

export { XLSX_TYPE } from '../../http/file-reply'

export interface ParsedList {
  header: string[]
  rows: string[][]
}

export type ListFormat = 'csv' | 'xlsx'

const unreadable = (why: string) => new AppError('IMPORT_FILE_UNREADABLE', why)

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]

/** xlsx when the bytes are a zip (whatever the declared type), else CSV; an old .xls is refused with a hint. */
export function sniffFormat(bytes: Buffer): ListFormat {
  if (startsWith(bytes, ZIP)) return 'xlsx'
  if (startsWith(bytes, OLE2)) throw unreadable('This is an old Excel .xls file: save it as .xlsx or CSV first')
  return 'csv'
}

/** `declared`: the format the upload's Content-Type names, if any (an "xlsx" that is not a zip is refused). */
export async function parseHouseholdFile(bytes: Buffer, declared?: ListFormat): Promise<ParsedList> {
  if (bytes.length === 0) throw unreadable('The file is empty')
  const format = sniffFormat(bytes)
  if (declared === 'xlsx' && format !== 'xlsx') throw unreadable('The file is not an xlsx workbook')
  const grid = format === 'xlsx' ? await readXlsx(bytes) : readCsv(decodeText(bytes))
  return splitHeader(grid)
}

/** UTF-16 by its BOM; UTF-8 (BOM dropped) when valid; else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Buffer): string {
  let text: string | null = null
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  else {
    for (const encoding of ['utf-8', 'gb18030']) {
      try {
        text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
        break
      } catch {
        /* not this encoding */
      }
    }
  }
  // Text files hold no control characters but tab, line feed, carriage return (and a form feed at most).
  if (text === null || /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/.test(text)) throw unreadable('The file is neither a CSV text (UTF-8 or GBK) nor an xlsx workbook')
  return text
}

/** RFC 4180 with the delimiter (comma or tab) taken from the first lines; quoted fields may hold delimiters, quotes ("") and line breaks. */
export function readCsv(text: string): string[][] {
  // The delimiter the first lines use most (a title line above the header may have none).
  const head = text.split(/\r?\n|\r/, HEADER_SEARCH_ROWS + 1).join('\n')
  const delimiter = (head.match(/\t/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? '\t' : ','
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  const endRow = () => {
    endCell()
    rows.push(row)
    row = []
  }
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else cell += c
    } else if (c === '"' && cell.trim() === '') {
      quoted = true
      cell = ''
    } else if (c === delimiter) endCell()
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRow()
    } else cell += c
    i++
  }
  if (quoted) throw unreadable('A quoted field is never closed')
  if (cell !== '' || row.length > 0) endRow()
  return rows
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw unreadable('The file is not an xlsx workbook Excel can open')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw unreadable('The workbook has no worksheet')
  const grid: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS + 1) tooMany()
    const cells: string[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col <= MAX_COLUMNS) cells[col - 1] = cellText(cell.value)
    })
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '')
  })
  return Array.from(grid, (r) => r ?? [])
}

/** An xlsx cell as text: dates as YYYY-MM-DD (exceljs reads them as UTC midnight), formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) ? BigInt(value).toString() : String(value)
  if (typeof value === 'string' || typeof value === 'boolean') return String(value)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('hyperlink' in value) return String(value.text ?? '')
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  return ''
}

function tooMany(): never {
  throw new AppError('IMPORT_TOO_MANY_ROWS', `A list holds at most ${IMPORT_MAX_ROWS} rows; split the file`)
}

const isBlank = (row: readonly string[]) => row.every((c) => c.trim() === '')

/** The header row and the data rows under it, cells trimmed, each row as wide as the header; blank rows at the end dropped. */
export function splitHeader(grid: readonly string[][]): ParsedList {
  const firstFilled = grid.findIndex((r) => !isBlank(r))
  if (firstFilled < 0) throw unreadable('The file has no rows')
  const named = grid.slice(0, firstFilled + HEADER_SEARCH_ROWS).findIndex((r) => looksLikeHeader(r))
  const at = named >= 0 ? named : firstFilled
  const rawHeader = grid[at].slice(0, MAX_COLUMNS).map((c) => c.trim())
  let width = rawHeader.length
  while (width > 0 && rawHeader[width - 1] === '') width--
  const seen = new Set<string>()
  // An empty or repeated header text becomes 列N, so every column can be named in a mapping.
  const header = rawHeader.slice(0, width).map((text, i) => {
    const name = text === '' || seen.has(text) ? `列${i + 1}` : text.slice(0, MAX_CELL)
    seen.add(name)
    return name
  })
  const rows = grid.slice(at + 1).map((r) => header.map((_, i) => (r[i] ?? '').trim().slice(0, MAX_CELL)))
  while (rows.length > 0 && isBlank(rows[rows.length - 1])) rows.pop()
  if (rows.length > IMPORT_MAX_ROWS) tooMany()
  return { header, rows }
}
