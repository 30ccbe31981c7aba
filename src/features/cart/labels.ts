/** How cart facts read to a buyer. Only server amounts are shown; nothing is summed here. */
import type { CheckoutPreviewDto, PreviewGroupDto, PreviewLineDto } from '@contracts/orders'
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
  if (line.problem === 'NOT_SERVED') return '这个地区不发货'
  if (line.problem === 'SOLD_OUT' || line.stock <= 0) return '已售罄'
  return `库存不足，仅剩 ${line.stock} 件`
}

/**
 * One farmer's shipping as the cart says it. The cart has no address, so the server prices the
 * fallback zone (freight.province null): that figure is shown, marked 按收货地址计算.
 */
export function shippingHint(all: PreviewGroupDto | undefined, chosen: PreviewGroupDto | undefined): string {
  if (chosen) {
    const free = chosen.freight.freeFromFen
    if (chosen.shippingFen === 0) return free !== null && chosen.itemsFen >= free ? `已满${formatFen(free)}包邮` : '包邮'
    const where = chosen.freight.province === null ? '（按收货地址计算）' : ''
    // two lines when both are said: the fee, then the free-from
    return `运费 ${formatFen(chosen.shippingFen)}${where}${free !== null ? `\n满${formatFen(free)}包邮` : ''}`
  }
  if (!all) return ''
  if (all.freight.freeFromFen !== null) return `满${formatFen(all.freight.freeFromFen)}包邮`
  return all.freight.feeFen === 0 && all.shippingFen === 0 ? '包邮' : '运费按收货地址计算'
}

/** The bar's note under the total: "含运费 ¥10.00" (each group says when the address decides it). */
export function shippingNote(chosen: CheckoutPreviewDto): string {
  return chosen.shippingFen === 0 ? '免运费' : `含运费 ${formatFen(chosen.shippingFen)}`
}
