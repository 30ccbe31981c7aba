/** Lines a parcel cannot bring to the chosen address's province (perishables' 不发货地区), in plain Chinese. Pure. */
import type { CheckoutPreviewDto } from '@contracts/orders'

export interface NotServed {
  farmerId: number
  province: string
  specIds: number[]
  /** "以下商品不能寄到西藏自治区：高山土豆 5斤装、…（生鲜不发货地区）" */
  text: string
}

/** One entry per farmer whose parcel cannot go to this province. */
export function notServedOf(preview: CheckoutPreviewDto): NotServed[] {
  const out: NotServed[] = []
  for (const g of preview.groups) {
    const lines = g.lines.filter((l) => l.problem === 'NOT_SERVED')
    if (!g.freight.notServed && lines.length === 0) continue
    const blocked = lines.length > 0 ? lines : g.lines
    const province = g.freight.province ?? '这个地区'
    const names = blocked.map((l) => `${l.title} ${l.specName}`).join('、')
    out.push({ farmerId: g.farmer.id, province, specIds: blocked.map((l) => l.specId), text: `以下商品不能寄到${province}：${names}（生鲜不发货地区）` })
  }
  return out
}

/** Whether some line cannot be ordered for a reason other than the address (stock, taken off sale). */
export function hasStockProblem(preview: CheckoutPreviewDto): boolean {
  return preview.groups.some((g) => g.lines.some((l) => l.problem !== null && l.problem !== 'NOT_SERVED'))
}
