/** The Chinese line the manager reads for each audit entry, written from its action, detail and rows. */
import { HOUSEHOLD_STATUS_LABELS, HOUSEHOLD_STATUSES, type HouseholdStatus } from '@domain/households'
import type { AuditAction } from '@contracts/households'

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const label = (v: unknown): string | null => (HOUSEHOLD_STATUSES.includes(v as HouseholdStatus) ? HOUSEHOLD_STATUS_LABELS[v as HouseholdStatus] : null)

/** 2026-W48 → 2026年第48周 · 2026-11 → 2026年11月 · 2026 → 2026年. */
export function reportPeriodText(period: unknown, at: unknown): string {
  const value = text(at)
  if (!value) return ''
  const week = /^(\d{4})-W(\d{2})$/.exec(value)
  if (period === 'week' && week) return `${week[1]}年第${Number(week[2])}周`
  const month = /^(\d{4})-(\d{2})$/.exec(value)
  if (period === 'month' && month) return `${month[1]}年${Number(month[2])}月`
  if (period === 'year' && /^\d{4}$/.test(value)) return `${value}年`
  return value
}

export function auditSummary(action: AuditAction, detail: Record<string, unknown>, rows: number | null): string {
  const count = (unit: string) => (rows === null ? '' : `，${rows}${unit}`)
  switch (action) {
    case 'view_number':
      return '查看了完整户编号'
    case 'set_status': {
      const to = label(detail.status) ?? '—'
      const from = label(detail.previous)
      const since = text(detail.since)
      const no = text(detail.registryNoMasked)
      const head = from && from !== to ? `状态由${from}改为${to}` : `登记为${to}`
      return `${head}${since ? `，自${since}起` : ''}${no ? `（户编号 ${no}）` : ''}`
    }
    case 'end_status': {
      const endedOn = text(detail.endedOn)
      return `移出登记${label(detail.status) ? `：${label(detail.status)}` : ''}${endedOn ? `至${endedOn}止` : ''}`
    }
    case 'import': {
      const file = text(detail.fileName)
      return `上传了县里的名单${file ? `《${file}》` : ''}${count('行')}`
    }
    case 'apply_import':
      return `确认导入了名单${rows === null ? '' : `，变更${rows}户`}`
    case 'discard_import':
      return '放弃了一次名单导入'
    case 'export': {
      const period = reportPeriodText(detail.period, detail.at)
      return `导出了${period ? `${period}的` : ''}报表${count('户')}`
    }
  }
}
