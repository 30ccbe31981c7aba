/** How the cooperative's figures read in Chinese. */
import { formatFen } from '../../domain/money'

export { formatFen }

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

/** 500 bps → "5%"; 125 → "1.25%". */
export function formatBps(bps: number): string {
  return `${bps / 100}%`
}

/** "2026-W48" → "W48", for narrow chart labels. */
export function shortWeek(week: string): string {
  return week.slice(5)
}

export const STATUS_TEXT = { draft: '待确认', confirmed: '已确认', paid: '已付款' } as const
