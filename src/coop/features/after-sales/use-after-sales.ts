/**
 * The 售后与退款 page's data and the manager's steps: escalated claims (paged by cursor), refunds
 * that need attention, deciding a claim and marking a refund resolved — one step at a time, a
 * toast when done, and the list read again.
 */
import { useState } from 'react'
import type { ClaimDto, DecideBodyDto, RefundAttentionDto } from '@contracts/after-sales'
import { confirmModal, showToast } from '../../../lib/page'
import { useCursorList } from '../../../lib/use-cursor-list'
import { useResource } from '../../../lib/use-resource'
import { afterSalesApi } from './api'
import { afterSalesErrorText, RESOLVE_PROMPT } from './labels'

export function useAfterSales() {
  const claims = useCursorList<ClaimDto>('coop-escalated', (cursor) => afterSalesApi.escalated(cursor))
  const refunds = useResource('coop-refund-attention', afterSalesApi.attention)
  const [busy, setBusy] = useState(false)
  // Refunds marked resolved on this visit stay shown as such (the API lists only unresolved ones) until a refresh.
  const [resolved, setResolved] = useState<Record<number, RefundAttentionDto>>({})

  /** Runs one step; true when it went through. */
  const step = async <T,>(run: () => Promise<T>, done: string, reload: () => Promise<void>, keep?: (result: T) => void): Promise<boolean> => {
    if (busy) return false
    setBusy(true)
    try {
      const result = await run()
      showToast(done)
      if (keep) keep(result)
      else await reload()
      return true
    } catch (err) {
      showToast(afterSalesErrorText(err))
      await reload().catch(() => undefined)
      return false
    } finally {
      setBusy(false)
    }
  }

  const decide = async (claim: ClaimDto, body: DecideBodyDto): Promise<void> => {
    await step(() => afterSalesApi.decide(claim.id, body), body.amountFen > 0 ? '已裁定，正在原路退款' : '已裁定不退款', claims.refresh)
  }

  const resolve = async (refund: RefundAttentionDto, note: string): Promise<boolean> => {
    if (!(await confirmModal(RESOLVE_PROMPT))) return false
    return step(() => afterSalesApi.resolve(refund.id, note), '已标记处理', refunds.refresh, (done) => setResolved((all) => ({ ...all, [done.id]: done })))
  }

  const refresh = async () => {
    await Promise.all([claims.refresh(), refunds.refresh()])
    setResolved({})
  }
  /** The refund as last seen: resolved on this visit, or as listed. */
  const shown = (refund: RefundAttentionDto): RefundAttentionDto => resolved[refund.id] ?? refund
  return { claims, refunds, busy, decide, resolve, refresh, shown }
}
