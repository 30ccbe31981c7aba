/** How cart facts read to a buyer. Only server amounts are shown; nothing is summed here. */
import type { PreviewGroupDto, PreviewLineDto } from '@contracts/orders'
import { formatFen } from '@domain/money'

/** "价格已变动：¥12.80 → ¥13.50" when the server's price is not the one the buyer saw. */
export function priceChangeLabel(lastSeenPriceFen: number, line: PreviewLineDto | undefined): string | null {
  if (!line || line.unitPriceFen === lastSeenPriceFen) return null
  return `价格已变动：${formatFen(lastSeenPriceFen)} → ${formatFen(line.unitPriceFen)}`
}

/** Why a line cannot be ordered as it is, or null. */
export function problemLabel(line: PreviewLineDto | undefined): string | null {
  if (!line || line.problem === null) return null
  if (line.problem === 'UNAVAILABLE') return '商品已下架'
  if (line.problem === 'SOLD_OUT' || line.stock <= 0) return '已售罄'
  return `库存不足，仅剩 ${line.stock} 件`
}

type Rule = PreviewGroupDto['shippingRule']

/** "满¥99.00包邮" and the like, for one farmer's group. */
export function shippingHint(rule: Rule | undefined, chosen: PreviewGroupDto | undefined): string {
  if (chosen) {
    if (chosen.shippingFen === 0) return chosen.shippingRule.freeFromFen !== null ? `已满${formatFen(chosen.shippingRule.freeFromFen)}包邮` : '包邮'
    const free = chosen.shippingRule.freeFromFen
    return `运费 ${formatFen(chosen.shippingFen)}${free !== null ? ` · 满${formatFen(free)}包邮` : ''}`
  }
  if (!rule) return ''
  if (rule.freeFromFen !== null) return `满${formatFen(rule.freeFromFen)}包邮`
  return rule.feeFen === 0 ? '包邮' : `运费 ${formatFen(rule.feeFen)}`
}
