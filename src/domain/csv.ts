/**
 * CSV that Excel and WPS open correctly on a Chinese Windows or Mac: a UTF-8 byte-order mark
 * (without it Excel reads UTF-8 as GBK and Chinese turns to mojibake), CRLF line ends, and
 * RFC 4180 quoting. Text that starts with = + - @ (or a tab / carriage return) would be run
 * as a formula ("CSV injection"), so it is prefixed with an apostrophe, which spreadsheets
 * show as plain text. Numbers are written as numbers (a negative amount stays a number).
 */

export const CSV_BOM = '\uFEFF'
export const CSV_EOL = '\r\n'

/** A number already formatted (e.g. "-12.80"): written as is, since it cannot be a formula. */
export interface CsvNumeric {
  numeric: string
}

export type CsvValue = string | number | boolean | null | undefined | CsvNumeric

const NUMERIC = /^-?\d+(\.\d+)?$/

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One field, neutralised and quoted as needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    if (!NUMERIC.test(value.numeric)) throw new TypeError(`not a number: ${value.numeric}`)
    return value.numeric
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ''
    return String(value)
  }
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole document: BOM, one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',') + CSV_EOL).join('')
}

/** Fen as yuan with two decimals, a number a spreadsheet can sum: 1280 → 12.80, -50 → -0.50. */
export function yuan(fen: number): CsvNumeric {
  if (!Number.isSafeInteger(fen)) throw new TypeError(`not an amount in fen: ${String(fen)}`)
  const abs = Math.abs(fen)
  return { numeric: `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` }
}
