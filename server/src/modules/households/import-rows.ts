/**
 * A county list's rows read under a column mapping, each checked: a registry number in the
 * county's format, the head's name, a status word we know, a real date not after today. Errors
 * are Chinese, one per problem, numbered as data rows (the header is row 0). Blank rows are
 * skipped. Pure.
 */
import { REGISTRY_NO_PATTERN, normalizeRegistryNo, type HouseholdStatus } from '@domain/households'
import type { ImportMappingDto } from '@contracts/households'
import { compact, parseListDate, statusOf, unwrapNumberCell } from './import-mapping'

/** One checked row of the list. */
export interface ListRow {
  row: number
  registryNo: string
  name: string
  status: HouseholdStatus
  /** The status's first day per the list; null when the list has no date for it. */
  since: string | null
  /** Compacted; '' when not mapped or empty. */
  village: string
}

export interface CheckedRows {
  valid: ListRow[]
  rowErrors: { row: number; message: string }[]
  /** Every well-formed number on the list, the rows with other errors included (so their members are not "not on the list"). */
  numbersOnList: Set<string>
}

export function validateRows(header: readonly string[], rows: readonly (readonly string[])[], mapping: ImportMappingDto, today: string): CheckedRows {
  const col = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name))
  const at = { registryNo: col(mapping.registryNo), headName: col(mapping.headName), status: col(mapping.status), since: col(mapping.since), village: col(mapping.village) }
  const valid: ListRow[] = []
  const rowErrors: CheckedRows['rowErrors'] = []
  const numbersOnList = new Set<string>()

  rows.forEach((cells, i) => {
    const row = i + 1
    if (cells.every((c) => c.trim() === '')) return
    const cell = (index: number) => (index < 0 ? '' : (cells[index] ?? '').trim())
    const errors: string[] = []

    const rawNo = compact(unwrapNumberCell(cell(at.registryNo)))
    const registryNo = normalizeRegistryNo(rawNo)
    if (rawNo === '') errors.push('户编号为空')
    else if (!REGISTRY_NO_PATTERN.test(registryNo)) errors.push('户编号格式不对（应为6–30位数字或字母）')
    else numbersOnList.add(registryNo)

    const name = cell(at.headName)
    if (name === '') errors.push('户主姓名为空')

    let status: HouseholdStatus | null = 'registered'
    if (at.status >= 0) {
      const word = cell(at.status)
      status = word === '' ? null : statusOf(word)
      if (word === '') errors.push('状态为空')
      else if (status === null) errors.push(`状态“${word}”不认识（可填在册、已脱贫、监测户）`)
    }

    let since: string | null = null
    const dateCell = cell(at.since)
    if (dateCell !== '') {
      since = parseListDate(dateCell)
      if (since === null) errors.push(`日期“${dateCell}”不对`)
      else if (since > today) errors.push(`日期“${dateCell}”晚于今天`)
    }

    if (errors.length > 0 || status === null) {
      for (const e of errors) rowErrors.push({ row, message: `第${row}行：${e}` })
      return
    }
    valid.push({ row, registryNo, name, status, since, village: compact(cell(at.village)) })
  })
  return { valid, rowErrors, numbersOnList }
}
