/**
 * A deterministic plan of demo sales for a cooperative: a few orders a day over the last weeks,
 * busier at weekends and growing week on week, buyers mostly in Guizhou and the big cities,
 * about one order in twenty-five refunded. Pure: the same seed gives the same plan.
 */
import { chinaWallClock } from '@domain/china-time'
import { prng } from '@domain/prng'
import type { Unit } from '@domain/units'

export interface DemoSpec {
  specId: number
  productId: number
  farmerId: number
  title: string
  name: string
  unit: Unit
  netWeightG: number
  priceFen: number
}

export interface PlannedOrder {
  paidAt: Date
  buyerIndex: number
  farmerId: number
  province: string
  lines: { spec: DemoSpec; quantity: number }[]
  shippingFen: number
  /** Refunded this long after payment, or null. */
  refundAfterMs: number | null
}

const PROVINCES: readonly [string, number][] = [
  ['贵州省', 30], ['广东省', 14], ['上海市', 10], ['北京市', 9], ['浙江省', 8], ['四川省', 7],
  ['江苏省', 6], ['重庆市', 5], ['湖南省', 4], ['云南省', 3], ['湖北省', 2], ['福建省', 2],
]
const DAY_MS = 86_400_000

function weighted<T>(rand: () => number, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let x = rand() * total
  for (const [item, w] of items) if ((x -= w) < 0) return item
  return items[items.length - 1][0]
}

export function planDemoSales(specs: readonly DemoSpec[], buyers: number, days: number, now: Date, seed = 20261128): PlannedOrder[] {
  const rand = prng(seed)
  const farmerIds = [...new Set(specs.map((s) => s.farmerId))]
  if (farmerIds.length === 0 || buyers === 0) return []
  const farmerWeights: [number, number][] = farmerIds.map((id, i) => [id, 1 + ((i * 7) % 5)])
  const orders: PlannedOrder[] = []
  for (let d = days - 1; d >= 0; d -= 1) {
    const dayStart = now.getTime() - d * DAY_MS - (now.getTime() % DAY_MS)
    const weekday = chinaWallClock(dayStart).getUTCDay()
    const busy = (weekday === 0 || weekday === 6 ? 1.6 : 1) * (1 + (days - d) / days)
    const count = Math.round((2 + rand() * 4) * busy)
    for (let i = 0; i < count; i += 1) {
      const paidAt = new Date(dayStart + Math.floor(rand() * DAY_MS))
      if (paidAt >= now) continue
      const farmerId = weighted(rand, farmerWeights)
      const own = specs.filter((s) => s.farmerId === farmerId)
      const picked = [...new Set([own[Math.floor(rand() * own.length)], ...(rand() < 0.25 ? [own[Math.floor(rand() * own.length)]] : [])])]
      const lines = picked.map((spec) => ({ spec, quantity: 1 + Math.floor(rand() * (rand() < 0.8 ? 2 : 4)) }))
      const items = lines.reduce((s, l) => s + l.spec.priceFen * l.quantity, 0)
      orders.push({
        paidAt,
        buyerIndex: Math.floor(rand() * buyers),
        farmerId,
        province: weighted(rand, PROVINCES),
        lines,
        shippingFen: items >= 9900 ? 0 : 800,
        refundAfterMs: rand() < 0.04 ? Math.floor((1 + rand() * 30) * 3600_000) : null,
      })
    }
  }
  return orders.sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime())
}
