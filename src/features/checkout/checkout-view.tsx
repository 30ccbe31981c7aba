/**
 * 确认订单: address, the server's preview per farmer for that address (fee and why, lines that
 * cannot go to its province), a note, and 提交订单, which places the orders (one
 * Idempotency-Key per attempt) and goes straight on to paying.
 */
import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { CheckoutPreviewDto } from '@contracts/orders'
import { EmptyState, ErrorState, LoadingState } from '../../components/status'
import { formatFen } from '@domain/money'
import { isApiError, userMessage } from '../../lib/api-error'
import { openTab, replacePage, routes, type CheckoutItem, type CheckoutSource } from '../../lib/navigation'
import { askShippedSubscription, payCheckout, prefetchSubscribeTemplates } from '../../lib/payment'
import { showToast } from '../../lib/page'
import { useResource, type Resource } from '../../lib/use-resource'
import { useCart } from '../../stores/cart'
import { useSession } from '../../stores/session'
import { AddressSection } from './address-section'
import { placeOrder, previewCheckout } from './api'
import { CheckoutGroups } from './checkout-groups'
import { hasStockProblem, notServedOf } from './not-served'
import { useIdempotencyKey } from '../../lib/idempotency'
import { useAddresses } from './use-addresses'
import './checkout.scss'

export const NOTE_MAX = 200
const STOCK_CODES = ['INSUFFICIENT_STOCK', 'PRODUCT_UNAVAILABLE']
/** Refusals the preview explains better after a fresh look (prices, stock, the province). */
const REFRESH_CODES = [...STOCK_CODES, 'PROVINCE_NOT_SERVED']

interface Props {
  items: CheckoutItem[]
  from: CheckoutSource
}

export function CheckoutView({ items: asked, from }: Props) {
  const signedIn = useSession((s) => !!s.token)
  // The buyer may take lines out here (those that cannot go to the address); the cart keeps them.
  const [items, setItems] = useState(asked)
  if (items.length === 0) return <EmptyState text="没有要结算的商品" hint="回到购物车挑选商品吧" />
  if (!signedIn) {
    return (
      <View className="checkout checkout--center">
        <EmptyState text="请先登录" hint="登录后才能提交订单" />
        <Button className="checkout__primary" onClick={() => openTab(routes.mine)}>
          去登录
        </Button>
      </View>
    )
  }
  return <CheckoutForm items={items} from={from} onRemove={(specIds) => setItems((list) => list.filter((i) => !specIds.includes(i.specId)))} />
}

function CheckoutForm({ items, from, onRemove }: Props & { onRemove: (specIds: number[]) => void }) {
  const itemsKey = items.map((i) => `${i.specId}x${i.quantity}`).join(',')
  const addresses = useAddresses()
  const chosenAddress = addresses.selectedId
  // Priced for the chosen address (its province decides each fee); once the addresses are known.
  const previewKey = addresses.status === 'loading' ? null : `preview:${itemsKey}@${chosenAddress ?? '-'}`
  const preview = useResource(previewKey, () => previewCheckout(items, chosenAddress))
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const keyFor = useIdempotencyKey()

  useEffect(() => prefetchSubscribeTemplates(), [])

  const submit = async () => {
    if (busy || preview.state.status !== 'ready') return
    const blocked = notServedOf(preview.state.data)
    if (blocked.length > 0) {
      showToast(blocked[0].text)
      return
    }
    if (!preview.state.data.orderable) {
      showToast('部分商品库存不足或已下架，请返回购物车调整')
      return
    }
    const addressId = addresses.selectedId
    if (addressId === null) {
      showToast('请先填写收货地址')
      return
    }
    setBusy(true)
    // weapp: the subscribe prompt must come straight from the tap, before anything is awaited.
    await askShippedSubscription()
    const trimmed = note.trim()
    const key = keyFor(JSON.stringify({ itemsKey, addressId, note: trimmed }))
    let checkoutId: number
    try {
      checkoutId = (await placeOrder({ items, addressId, note: trimmed }, key)).id
    } catch (err) {
      showToast(userMessage(err))
      if (isApiError(err) && REFRESH_CODES.includes(err.code)) void preview.refresh()
      if (isApiError(err) && err.code === 'ADDRESS_NOT_FOUND') addresses.reload()
      setBusy(false)
      return
    }
    if (from === 'cart') useCart.getState().removeOrdered(items.map((i) => i.specId))
    await payThenReport(checkoutId)
  }

  return (
    <View className="checkout">
      <AddressSection addresses={addresses} />
      <CheckoutBody preview={preview} onRemove={onRemove} />
      <View className="checkout__block">
        <Text className="checkout__heading">订单备注</Text>
        <Input
          id="order-note"
          className="checkout__note"
          value={note}
          maxlength={NOTE_MAX}
          placeholder="选填：给农户的留言，如送货时间"
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      <SubmitBar preview={preview} busy={busy} onSubmit={submit} />
    </View>
  )
}

/** After placing: pay, then the pay-result page (H5 goes through the sandbox cashier instead). */
async function payThenReport(checkoutId: number): Promise<void> {
  try {
    const outcome = await payCheckout(checkoutId)
    if (outcome === 'redirected') return
    if (outcome === 'unsupported') showToast('请在微信中打开乡集完成支付')
  } catch (err) {
    showToast(userMessage(err))
  }
  replacePage(routes.payResult(checkoutId))
}

type Preview = Resource<CheckoutPreviewDto>

function CheckoutBody({ preview, onRemove }: { preview: Preview; onRemove: (specIds: number[]) => void }) {
  const s = preview.state
  if (s.status === 'loading') return <LoadingState text="正在计算价格…" />
  if (s.status === 'error') return <ErrorState message={userMessage(s.error)} onRetry={preview.retry} />
  const blocked = notServedOf(s.data)
  return (
    <>
      {blocked.length > 0 ? (
        <View id="checkout-not-served" className="checkout__refusal">
          {blocked.map((b) => (
            <Text key={b.farmerId} id={`checkout-not-served-${b.farmerId}`} className="checkout__refusal-text">
              {b.text}
            </Text>
          ))}
          <Text className="checkout__refusal-hint">请换一个收货地址，或去掉这些商品。</Text>
          <Button id="checkout-remove-not-served" className="checkout__refusal-button" onClick={() => onRemove(blocked.flatMap((b) => b.specIds))}>
            去掉这些商品
          </Button>
        </View>
      ) : null}
      {hasStockProblem(s.data) ? (
        <View className="checkout__warning">
          <Text>部分商品库存不足或已下架，请返回购物车调整后再提交</Text>
        </View>
      ) : null}
      <CheckoutGroups preview={s.data} />
    </>
  )
}

function SubmitBar({ preview, busy, onSubmit }: { preview: Preview; busy: boolean; onSubmit: () => void }) {
  const data = preview.state.status === 'ready' ? preview.state.data : null
  const off = busy || !data || !data.orderable || notServedOf(data).length > 0
  return (
    <View className="checkout__bar">
      <View className="checkout__total">
        <Text className="checkout__total-label">合计：</Text>
        <Text id="checkout-total" className="checkout__total-amount">
          {data ? formatFen(data.totalFen) : '—'}
        </Text>
        {data && data.shippingFen > 0 ? <Text className="checkout__total-note">含运费 {formatFen(data.shippingFen)}</Text> : null}
      </View>
      <Button
        id="place-order"
        className={`checkout__submit${off ? ' checkout__submit--off' : ''}`}
        disabled={off || undefined}
        onClick={onSubmit}
      >
        {busy ? '提交中…' : '提交订单'}
      </Button>
    </View>
  )
}
