/**
 * Prices a cart from the server's own rows: one group per farmer with its lines, the
 * farmer's shipping fee and totals, and a problem on every line that cannot be ordered.
 * Pure: the same function serves the preview and the placement (inside its transaction).
 */
import { sumFen } from '@domain/money'
import type { ProductStatus } from '@domain/products'
import { shippingFee, type ShippingRule } from '@domain/shipping'
import type { CheckoutPreviewDto, PreviewGroupDto, PreviewLineDto } from '@contracts/orders'
import type { PhotoDto } from '@contracts/catalog'

export interface SpecForSale {
  specId: number
  productId: number
  title: string
  specName: string
  unit: PreviewLineDto['unit']
  netWeightG: number
  priceFen: number
  stock: number
  productStatus: ProductStatus
  farmerActive: boolean
  farmer: { id: number; name: string; village: string }
  cover: PhotoDto | null
  shipping: ShippingRule
}

export interface CartLine {
  specId: number
  quantity: number
}

/** Adds up repeated specs so each spec appears once. */
export function mergeLines(lines: CartLine[]): CartLine[] {
  const bySpec = new Map<number, number>()
  for (const l of lines) bySpec.set(l.specId, (bySpec.get(l.specId) ?? 0) + l.quantity)
  return [...bySpec].map(([specId, quantity]) => ({ specId, quantity })).sort((a, b) => a.specId - b.specId)
}

function problemOf(spec: SpecForSale, quantity: number): PreviewLineDto['problem'] {
  if (!spec.farmerActive || spec.productStatus === 'paused') return 'UNAVAILABLE'
  if (spec.productStatus === 'sold_out' || spec.stock === 0) return 'SOLD_OUT'
  if (spec.stock < quantity) return 'INSUFFICIENT_STOCK'
  return null
}

/** Lines whose spec is unknown are reported by the caller (they have no farmer to group under). */
export function priceCart(lines: CartLine[], specs: Map<number, SpecForSale>): CheckoutPreviewDto {
  const groups = new Map<number, { spec: SpecForSale; lines: PreviewLineDto[] }>()
  for (const { specId, quantity } of mergeLines(lines)) {
    const spec = specs.get(specId)
    if (!spec) continue
    const line: PreviewLineDto = {
      specId,
      productId: spec.productId,
      title: spec.title,
      specName: spec.specName,
      unit: spec.unit,
      netWeightG: spec.netWeightG,
      unitPriceFen: spec.priceFen,
      quantity,
      lineTotalFen: spec.priceFen * quantity,
      stock: spec.stock,
      cover: spec.cover,
      problem: problemOf(spec, quantity),
    }
    const group = groups.get(spec.farmer.id) ?? { spec, lines: [] }
    group.lines.push(line)
    groups.set(spec.farmer.id, group)
  }
  const priced: PreviewGroupDto[] = [...groups.values()].map(({ spec, lines: groupLines }) => {
    const itemsFen = sumFen(groupLines.filter((l) => l.problem === null).map((l) => l.lineTotalFen))
    const shippingFen = itemsFen === 0 ? 0 : shippingFee(itemsFen, spec.shipping)
    return {
      farmer: spec.farmer,
      lines: groupLines,
      itemsFen,
      shippingFen,
      totalFen: itemsFen + shippingFen,
      shippingRule: { feeFen: spec.shipping.feeFen, freeFromFen: spec.shipping.freeFromFen },
    }
  })
  return {
    groups: priced,
    itemsFen: sumFen(priced.map((g) => g.itemsFen)),
    shippingFen: sumFen(priced.map((g) => g.shippingFen)),
    totalFen: sumFen(priced.map((g) => g.totalFen)),
    orderable: lines.length > 0 && priced.every((g) => g.lines.every((l) => l.problem === null)) && mergeLines(lines).every((l) => specs.has(l.specId)),
  }
}
