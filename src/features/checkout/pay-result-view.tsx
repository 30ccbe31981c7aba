/** 支付结果: what the server says about the checkout after the cashier, with what to do next. */
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../components/status'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen } from '@domain/money'
import { STATUS_LABELS } from '@domain/order-states'
import { userMessage } from '../../lib/api-error'
import { openPage, openTab, routes } from '../../lib/navigation'
import { askShippedSubscription, payCheckout, prefetchSubscribeTemplates } from '../../lib/payment'
import { showToast } from '../../lib/page'
import { useCheckoutStatus } from './use-checkout-status'
import './pay-result.scss'

export function PayResultView({ checkoutId }: { checkoutId: number }) {
  const { outcome, checkout, error, recheck } = useCheckoutStatus(checkoutId)
  const [paying, setPaying] = useState(false)

  useEffect(() => prefetchSubscribeTemplates(), [])

  const payAgain = async () => {
    if (paying) return
    setPaying(true)
    await askShippedSubscription()
    try {
      const result = await payCheckout(checkoutId)
      if (result === 'redirected') return
      if (result === 'unsupported') showToast('请在微信中打开乡集完成支付')
      if (result === 'cancelled') showToast('支付已取消')
    } catch (err) {
      showToast(userMessage(err))
    }
    setPaying(false)
    void recheck()
  }

  if (outcome === 'checking') return <LoadingState text="正在确认支付结果…" />
  if (outcome === 'error' || !checkout) return <ErrorState message={userMessage(error)} onRetry={() => void recheck()} />

  const paid = outcome === 'paid'
  return (
    <View className="pay-result">
      <View className={`pay-result__head pay-result__head--${paid ? 'ok' : 'wait'}`}>
        <Text id="pay-result-title" className="pay-result__title">
          {paid ? '支付成功' : '支付未完成'}
        </Text>
        <Text className="pay-result__amount">{formatFen(checkout.totalFen)}</Text>
        <Text className="pay-result__hint">
          {paid
            ? '农户会尽快为你打包发货'
            : outcome === 'closed'
              ? '订单已超时取消'
              : `请在 ${formatChinaDateTime(checkout.expiresAt, 'MM-DD HH:mm')} 前完成支付，超时订单将自动取消`}
        </Text>
      </View>

      <View className="pay-result__orders">
        {checkout.orders.map((o) => (
          <View key={o.id} id={`pay-result-order-${o.id}`} className="pay-result__order" onClick={() => openPage(routes.order(o.id))}>
            <Text className="pay-result__farmer">{o.farmer.name}</Text>
            <Text className="pay-result__status">{STATUS_LABELS[o.status]}</Text>
            <Text className="pay-result__total">{formatFen(o.totalFen)}</Text>
          </View>
        ))}
      </View>

      <View className="pay-result__actions">
        {outcome === 'unpaid' ? (
          <Button id="pay-again" className="pay-result__primary" loading={paying || undefined} disabled={paying || undefined} onClick={payAgain}>
            重新支付
          </Button>
        ) : null}
        <Button
          id="view-orders"
          className={outcome === 'unpaid' ? 'pay-result__secondary' : 'pay-result__primary'}
          onClick={() => openPage(routes.orders(paid ? 'paid' : outcome === 'unpaid' ? 'pending_payment' : null))}
        >
          查看订单
        </Button>
        {paid ? (
          <Button id="keep-shopping" className="pay-result__secondary" onClick={() => openTab(routes.home)}>
            继续逛逛
          </Button>
        ) : null}
      </View>
    </View>
  )
}
