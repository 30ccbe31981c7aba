/**
 * What a buyer can do to an order: pay it (its whole checkout), cancel it, confirm receipt.
 * Each asks first where it should, reports errors as toasts, and hands back the new order.
 */
import { useCallback, useRef, useState } from 'react'
import type { OrderDetailDto, OrderSummaryDto } from '@contracts/orders'
import { userMessage } from '../../lib/api-error'
import { openPage, routes } from '../../lib/navigation'
import { askShippedSubscription, payCheckout } from '../../lib/payment'
import { confirmModal, showToast } from '../../lib/page'
import { cancelOrder, confirmReceipt } from './api'
import { cancelPrompt, CONFIRM_RECEIPT_PROMPT } from './labels'

export interface OrderActions {
  /** the order id an action is running for */
  busyId: number | null
  pay: (order: OrderSummaryDto) => Promise<void>
  cancel: (order: OrderSummaryDto) => Promise<OrderDetailDto | null>
  confirm: (order: OrderSummaryDto) => Promise<OrderDetailDto | null>
}

export function useOrderActions(): OrderActions {
  const [busyId, setBusyId] = useState<number | null>(null)
  const busy = useRef(false)

  const run = useCallback(async <T>(id: number, action: () => Promise<T>): Promise<T | null> => {
    if (busy.current) return null
    busy.current = true
    setBusyId(id)
    try {
      return await action()
    } catch (err) {
      showToast(userMessage(err))
      return null
    } finally {
      busy.current = false
      setBusyId(null)
    }
  }, [])

  const pay = useCallback(
    async (order: OrderSummaryDto) => {
      await run(order.id, async () => {
        // weapp: the subscribe prompt straight from the tap, before anything else is awaited.
        await askShippedSubscription()
        const outcome = await payCheckout(order.checkoutId)
        if (outcome === 'redirected') return
        if (outcome === 'cancelled') showToast('支付已取消')
        else if (outcome === 'unsupported') showToast('请在微信中打开乡集完成支付')
        else openPage(routes.payResult(order.checkoutId))
      })
    },
    [run],
  )

  const cancel = useCallback(
    async (order: OrderSummaryDto) => {
      const prompt = cancelPrompt(order)
      if (!(await confirmModal({ ...prompt, confirmText: '取消订单', cancelText: '再想想' }))) return null
      const updated = await run(order.id, () => cancelOrder(order.id))
      if (updated) showToast(updated.status === 'refunded' ? '订单已取消，款项将原路退回' : '订单已取消')
      return updated
    },
    [run],
  )

  const confirm = useCallback(
    async (order: OrderSummaryDto) => {
      if (!(await confirmModal({ ...CONFIRM_RECEIPT_PROMPT, confirmText: '确认收货', cancelText: '还没收到' }))) return null
      const updated = await run(order.id, () => confirmReceipt(order.id))
      if (updated) showToast('已确认收货')
      return updated
    },
    [run],
  )

  return { busyId, pay, cancel, confirm }
}
