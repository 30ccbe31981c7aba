/** One claim, reloadable, and the buyer's steps on it (each a POST, then the claim afresh). */
import { useRef, useState } from 'react'
import { ApiError, userMessage } from '../../../lib/api-error'
import { confirmModal, showToast } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { fetchClaim, stepClaim } from './api'
import type { BuyerStep } from './labels'

/** What the buyer is asked before a step that cannot be undone; null: no question. */
function promptFor(step: BuyerStep): { title: string; content: string } | null {
  if (step.action === 'withdraw') return { title: '撤回售后', content: '撤回后这次售后结束，这件商品不能再申请。确定撤回？' }
  return null
}

export function useClaim(id: number | null) {
  const resource = useResource(`claim:${id ?? 'none'}`, () =>
    id === null ? Promise.reject(new ApiError('NOT_FOUND', 404, '售后不存在')) : fetchClaim(id),
  )
  const [busy, setBusy] = useState<BuyerStep['action'] | null>(null)
  const running = useRef(false)

  const take = async (step: BuyerStep) => {
    if (running.current || id === null) return
    const prompt = promptFor(step)
    if (prompt && !(await confirmModal({ ...prompt, confirmText: step.label, cancelText: '再想想' }))) return
    running.current = true
    setBusy(step.action)
    try {
      await stepClaim(id, step)
      showToast(step.action === 'withdraw' ? '已撤回' : step.action === 'accept_offer' ? '已接受，款项将原路退回' : '已转合作社处理')
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      // The claim as it is now, whether the step went through or it had already moved on.
      await resource.refresh()
      running.current = false
      setBusy(null)
    }
  }

  return { state: resource.state, retry: resource.retry, refresh: resource.refresh, busy, take }
}
