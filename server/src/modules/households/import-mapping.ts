/**
 * How a county list's columns and values are read: the header texts that name each field (the
 * mapping guessed on a first import), the status words counties write, dates in the ways Excel
 * and county systems write them, and names compared as written by hand. Pure.
 */
import type { HouseholdStatus } from '@domain/households'
import { IMPORT_FIELDS, type ImportField, type ImportMappingDto } from '@contracts/households'

/** Header texts per field, most specific first (户主姓名 before 姓名). Compared after `headerKey`. */
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  registryNo: ['户编号', '家庭编号', '户号', '户编码', '家庭户编号'],
  headName: ['户主姓名', '户主', '姓名'],
  status: ['状态', '户类型', '脱贫状态', '户属性', '贫困户属性'],
  since: ['日期', '纳入时间', '状态日期', '识别时间'],
  village: ['村', '行政村', '所在村', '村名', '所在行政村'],
}

/** Status words on county lists (after `compact`). */
const STATUS_WORDS: Record<string, HouseholdStatus> = {
  在册: 'registered',
  在册户: 'registered',
  未脱贫: 'registered',
  贫困户: 'registered',
  建档立卡户: 'registered',
  建档立卡贫困户: 'registered',
  已脱贫: 'lifted',
  脱贫户: 'lifted',
  已脱贫户: 'lifted',
  监测户: 'monitored',
  防返贫监测对象: 'monitored',
  监测对象: 'monitored',
  边缘户: 'monitored',
  边缘易致贫户: 'monitored',
  脱贫不稳定户: 'monitored',
  突发严重困难户: 'monitored',
  registered: 'registered',
  lifted: 'lifted',
  monitored: 'monitored',
}

/** Text without any white space (full-width included), in NFKC form (full-width digits and letters become ASCII). */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

/** A header cell as compared with the aliases: no spaces, no `*` required-marks, no trailing （note）. */
export function headerKey(text: string): string {
  return compact(text)
    .replace(/\*/g, '')
    .replace(/\([^)]*\)$/, '')
}

export function statusOf(cell: string): HouseholdStatus | null {
  return STATUS_WORDS[compact(cell).toLowerCase()] ?? null
}

/** Whether a row looks like the header: one of its cells names the registry number or the head's name. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const keys = new Set(cells.map(headerKey))
  return [...HEADER_ALIASES.registryNo, ...HEADER_ALIASES.headName].some((alias) => keys.has(alias))
}

/** The mapping read off the header texts (fields without a matching column left out; each column used once). */
export function guessMapping(header: readonly string[]): Partial<ImportMappingDto> {
  const keys = header.map(headerKey)
  const used = new Set<number>()
  const mapping: Partial<Record<ImportField, string>> = {}
  for (const field of IMPORT_FIELDS) {
    for (const alias of HEADER_ALIASES[field]) {
      const at = keys.findIndex((k, i) => k === alias && !used.has(i))
      if (at >= 0) {
        used.add(at)
        mapping[field] = header[at]
        break
      }
    }
  }
  return mapping
}

/** The mapping when both required fields are present, else null. */
export function completeMapping(mapping: Partial<ImportMappingDto>): ImportMappingDto | null {
  return mapping.registryNo && mapping.headName ? (mapping as ImportMappingDto) : null
}

/** A remembered mapping cut down to this file's header: null when a required column is missing, optional ones dropped when absent. */
export function fitMapping(mapping: Record<string, string>, header: readonly string[]): ImportMappingDto | null {
  const fitted: Partial<Record<ImportField, string>> = {}
  for (const field of IMPORT_FIELDS) if (mapping[field] !== undefined && header.includes(mapping[field])) fitted[field] = mapping[field]
  return completeMapping(fitted)
}

/** Why a mapping cannot be used with this header (English, for the error), or null when it can. */
export function mappingProblem(mapping: ImportMappingDto, header: readonly string[]): string | null {
  const columns = IMPORT_FIELDS.flatMap((f) => (mapping[f] === undefined ? [] : [mapping[f]]))
  const missing = columns.find((c) => !header.includes(c))
  if (missing !== undefined) return `The file has no column "${missing}"`
  if (new Set(columns).size !== columns.length) return 'One column is mapped to two fields'
  return null
}

const DATE_PARTS = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/
/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/** A list's date cell as YYYY-MM-DD (2024-3-1, 2024/03/01, 2024年3月1日, 20240301, an Excel serial), or null. */
export function parseListDate(cell: string): string | null {
  const text = compact(cell)
  const m = DATE_PARTS.exec(cell.trim().normalize('NFKC')) ?? DATE_COMPACT.exec(text)
  let day: string
  if (m) {
    day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  } else if (/^\d{5}$/.test(text)) {
    day = new Date(EXCEL_EPOCH + Number(text) * 86_400_000).toISOString().slice(0, 10)
  } else {
    return null
  }
  const at = Date.parse(`${day}T00:00:00Z`)
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== day) return null
  return day >= '2000-01-01' && day <= '2099-12-31' ? day : null
}

/** Names as the county and the manager type them: spaces ignored, full-width folded. */
export function sameName(a: string, b: string): boolean {
  const x = compact(a)
  return x !== '' && x === compact(b)
}

/** A registry-number cell as Excel leaves it: `'5224…` (text marker) or `="5224…"` (CSV trick) unwrapped. */
export function unwrapNumberCell(cell: string): string {
  const text = cell.trim()
  const formula = /^="(.*)"$/.exec(text)
  if (formula) return formula[1]
  return text.startsWith("'") ? text.slice(1) : text
}
