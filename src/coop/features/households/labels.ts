/** How registered households read in Chinese: findings of a county list, its columns, where a status came from. */
import type { ReportPeriod } from '@contracts/households'
import { FINDING_KINDS, HOUSEHOLD_STATUS_LABELS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type FindingKind, type HouseholdStatus, type ImportField } from '@domain/households'

export { FINDING_KINDS, HOUSEHOLD_STATUS_LABELS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS }

export const statusLabel = (status: HouseholdStatus | null): string => (status ? HOUSEHOLD_STATUS_LABELS[status] : '不在册')

export const FINDING_LABELS: Record<FindingKind, string> = {
  match: '一致',
  name_mismatch: '姓名不一致',
  duplicate: '名单内重复',
  unknown_number: '未找到社员',
  new_link: '建议关联',
  not_on_list: '不在名单上',
}

export const FINDING_HINTS: Record<FindingKind, string> = {
  match: '户编号和户主姓名都对得上',
  name_mismatch: '户编号对得上，户主姓名不一样，请核实',
  duplicate: '同一个户编号在名单里出现了不止一次',
  unknown_number: '名单上的户编号没有对应的社员',
  new_link: '社员还没有户编号，户主姓名对得上，确认后关联',
  not_on_list: '社员登记了户编号，但这次名单上没有',
}

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  registryNo: '户编号',
  headName: '户主姓名',
  status: '状态',
  since: '日期',
  village: '村',
}

/** Where a period of status came from: manual · import:<id> · migration · demo. */
export function sourceLabel(source: string): string {
  if (source === 'manual') return '手工登记'
  if (source.startsWith('import')) return '县名单导入'
  if (source === 'migration') return '原“脱贫户”标记'
  if (source === 'demo') return '演示数据'
  return source
}

export const PERIOD_LABELS: Record<ReportPeriod, string> = { week: '周', month: '月', year: '年' }

/** "2016-03-01" → "2016年3月1日". */
export function formatDate(day: string): string {
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
}
