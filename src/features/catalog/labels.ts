/** How catalog facts read to a buyer. Pure: no Taro, no React. */
import type { ProductCardDto, SpecDto } from '@contracts/catalog'
import { chinaDate } from '@domain/china-time'
import { formatChinaDay, formatWindow } from '@domain/dates'
import { formatNetWeight, pricePerJinFen } from '@domain/units'
import { formatFen } from '@domain/money'

/** Stock at or below this reads "仅剩 n 件". */
export const LOW_STOCK = 5

/** "预售 · 9月5日发货" when the product ships later than today (China date), else null. */
export function presaleLabel(shipsFrom: string | null, today: string = chinaDate()): string | null {
  if (!shipsFrom || shipsFrom <= today) return null
  return `预售 · ${formatChinaDay(shipsFrom)}发货`
}

/** The badge a card shows, most important first. */
export function cardBadge(p: Pick<ProductCardDto, 'status' | 'shipsFrom'>, today?: string): { text: string; tone: 'muted' | 'presale' } | null {
  if (p.status === 'sold_out') return { text: '已售罄', tone: 'muted' }
  if (p.status === 'paused') return { text: '暂停销售', tone: 'muted' }
  const presale = presaleLabel(p.shipsFrom, today)
  return presale ? { text: presale, tone: 'presale' } : null
}

export function harvestLabel(start: string, end: string): string {
  return `采摘期 ${formatWindow(start, end)}`
}

/** "9月5日起发货" / "预售 · 9月5日发货" / "现货，付款后尽快发货". */
export function shippingLabel(shipsFrom: string | null, today: string = chinaDate()): string {
  if (!shipsFrom) return '现货，付款后尽快发货'
  return presaleLabel(shipsFrom, today) ?? `${formatChinaDay(shipsFrom)}起发货`
}

export function stockLabel(stock: number): { text: string; tone: 'ok' | 'low' | 'none' } {
  if (stock <= 0) return { text: '无货', tone: 'none' }
  if (stock <= LOW_STOCK) return { text: `仅剩 ${stock} 件`, tone: 'low' }
  return { text: '有货', tone: 'ok' }
}

/** "净重 2.5kg · 约¥7.96/斤" (the per-斤 price only when the spec is not already sold by the 斤). */
export function specWeightLabel(spec: Pick<SpecDto, 'priceFen' | 'unit' | 'netWeightG'>): string {
  if (spec.netWeightG <= 0) return ''
  const weight = `净重 ${formatNetWeight(spec.netWeightG)}`
  if (spec.unit === '斤') return weight
  return `${weight} · 约${formatFen(pricePerJinFen(spec.priceFen, spec.netWeightG))}/斤`
}

/** Whether specs differ in price, so the lowest one reads "起". */
export function hasSeveralPrices(specs: readonly Pick<SpecDto, 'priceFen'>[]): boolean {
  return new Set(specs.map((s) => s.priceFen)).size > 1
}

/**
 * Whether a card's price is the lowest of several. The card contract has no spec count yet;
 * if the server adds `specCount`, cards show "起" on their own.
 */
export function cardPriceIsFrom(p: ProductCardDto): boolean {
  return p.specCount > 1
}
