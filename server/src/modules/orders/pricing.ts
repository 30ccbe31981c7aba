/**
 * Prices a cart from the server's own rows: one group per farmer with its lines, the
 * farmer's shipping fee by their freight template and the address's province, totals, and a
 * problem on every line that cannot be ordered (every line of a farmer who does not ship to
 * the province: NOT_SERVED). Pure: the same function serves the preview and the placement
 * (inside its transaction).
 */
import { sumFen } from '@domain/money'
import type { ProductStatus } from '@domain/products'
import { freightFee, freightUnits, normalizeProvince, zoneFeeFen, zoneFor } from '@domain/freight'
import type { FreightTemplateDto, GroupFreightDto } from '@contracts/freight'
import type { CheckoutPreviewDto, PreviewGroupDto, PreviewLineDto } from '@contracts/orders'
import type { PhotoDto } from '@contracts/catalog'

export interface SpecForSale {
  specId: number
  productId: number
  title: string
  specName: string
  unit: PreviewLineDto['unit']
  netWeightG: number
  /** The parcel's weight per unit for freight (packaging included); null: the net weight. */
  parcelWeightG: number | null
  priceFen: number
  stock: number
  productStatus: ProductStatus
  farmerActive: boolean
  farmer: { id: number; name: string; village: string }
  cover: PhotoDto | null
}

/** What the fees depend on: each farmer's effective template (absent: free shipping everywhere) and where the parcel goes. */
export interface FreightContext {
  templates: ReadonlyMap<number, FreightTemplateDto>
  /** The address's province as the buyer typed it, or null (no address yet: the fallback zone's fee). */
  province: string | null
}

/** One farmer's parcel: its fee, in words and figures; the fee before free-from for the older clients' `shippingRule`. */
function groupFreight(template: FreightTemplateDto | undefined, province: string | null, okLines: PreviewLineDto[], specs: Map<number, SpecForSale>) {
  const basis = template?.basis ?? 'weight'
  const units = freightUnits(
    basis,
    okLines.map((l) => ({ netWeightG: l.netWeightG, parcelWeightG: specs.get(l.specId)?.parcelWeightG ?? null, quantity: l.quantity })),
  )
  const itemsFen = sumFen(okLines.map((l) => l.lineTotalFen))
  const quote = freightFee(template ?? null, province, { units, itemsFen })
  const freight: GroupFreightDto = {
    province: province === null ? null : (normalizeProvince(province) ?? province.trim()),
    units,
    basis,
    feeFen: quote.feeFen,
    freeFromFen: template?.freeFromFen ?? null,
    explanation: quote.explanation,
    notServed: quote.notServed,
  }
  const ruleFeeFen = template && !quote.notServed ? zoneFeeFen(zoneFor(template, province), units) : 0
  return { freight, ruleFeeFen }
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
export function priceCart(lines: CartLine[], specs: Map<number, SpecForSale>, freightOf: FreightContext): CheckoutPreviewDto {
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
    const template = freightOf.templates.get(spec.farmer.id)
    const { freight, ruleFeeFen } = groupFreight(template, freightOf.province, groupLines.filter((l) => l.problem === null), specs)
    const pricedLines = freight.notServed ? groupLines.map((l) => ({ ...l, problem: 'NOT_SERVED' as const })) : groupLines
    const itemsFen = sumFen(pricedLines.filter((l) => l.problem === null).map((l) => l.lineTotalFen))
    const shippingFen = itemsFen === 0 ? 0 : freight.feeFen
    return {
      farmer: spec.farmer,
      lines: pricedLines,
      itemsFen,
      shippingFen,
      totalFen: itemsFen + shippingFen,
      shippingRule: { feeFen: ruleFeeFen, freeFromFen: freight.freeFromFen },
      freight,
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
