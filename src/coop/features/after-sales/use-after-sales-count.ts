/** What waits for the manager on 售后与退款 (escalated claims + unresolved refunds), for the workbench's link. */
import { useRef } from 'react'
import { useDidShow } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { afterSalesApi, COUNT_LIMIT } from './api'

async function waiting(): Promise<{ count: number; more: boolean }> {
  const [claims, refunds] = await Promise.all([afterSalesApi.escalated(null, COUNT_LIMIT), afterSalesApi.attention()])
  return { count: claims.items.length + refunds.items.filter((r) => !r.resolvedAt).length, more: claims.nextCursor !== null }
}

/** "3", "50+", or null while unknown (or nothing could be read). */
export function useAfterSalesCount(): string | null {
  const count = useResource('coop-after-sales-count', waiting)
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void count.refresh()
    shownBefore.current = true
  })
  if (count.state.status !== 'ready') return null
  const { count: n, more } = count.state.data
  return more ? `${n}+` : String(n)
}
