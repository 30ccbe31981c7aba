/** How the cooperative's figures read in Chinese. */
import { formatFen } from '@domain/money'
import { formatBps, STATEMENT_STATUS_TEXT } from '@domain/settlement'

export { formatBps, formatFen, STATEMENT_STATUS_TEXT }

/** 1234.5 → "1,234.5 kg"; whole numbers without decimals. */
export function formatKg(kg: number): string {
  const rounded = Math.round(kg * 10) / 10
  return `${rounded.toLocaleString('zh-CN', { maximumFractionDigits: 1 })} kg`
}

/** A percent change: "+12.3%", "-4%", or "—" when there is nothing to compare with. */
export function formatChange(pct: number | null): string {
  if (pct === null) return '—'
  return `${pct > 0 ? '+' : ''}${pct}%`
}

export function changeTone(pct: number | null): 'up' | 'down' | 'flat' {
  if (pct === null || pct === 0) return 'flat'
  return pct > 0 ? 'up' : 'down'
}

/** "2026-W48" → "W48", for narrow chart labels. */
export function shortWeek(week: string): string {
  return week.slice(5)
}
