/** 发货 (`?ids=12,15`): one courier for all, a tracking number per order (typed or scanned), 实发重量 for lines sold by weight, then each order's outcome. */
import { Button, Text, View } from '@tarojs/components'
import { ErrorState, EmptyState, LoadingState } from '../../../components/status'
import { goBack } from '../../../lib/navigation'
import { useRouter } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { CourierPicker, ShipLine, fetchOrdersByIds, parseIds, pendingOf, requestErrorText, useShipForm } from '../../features/fulfilment'
import '../../features/fulfilment/fulfilment.scss'

export default function ShipPage() {
  const router = useRouter()
  const ids = parseIds(router.params.ids)
  const orders = useResource(ids.length > 0 ? ids.join(',') : null, async () => (await fetchOrdersByIds(ids)).items)
  const form = useShipForm()

  if (ids.length === 0) return <EmptyState text="没有选中订单" hint="请回到待发货，选好订单再来" />
  const { state } = orders
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <ErrorState message={requestErrorText(state.error)} onRetry={orders.retry} />

  const list = state.data
  const pending = pendingOf(list, form.results)
  const done = pending.length === 0
  return (
    <View className="f-page">
      {done ? null : (
        <View>
          <Text className="f-heading">1. 选快递公司</Text>
          <CourierPicker value={form.carrier} onChange={form.setCarrier} />
          <Text className="f-heading">2. 填快递单号（共{pending.length}单）</Text>
        </View>
      )}
      {list.map((o) => (
        <ShipLine
          key={o.id}
          order={o}
          trackingNo={form.trackingNos[o.id] ?? ''}
          invalid={form.invalid.includes(o.id)}
          result={form.results[o.id]}
          disabled={form.submitting}
          onChange={(value) => form.setTrackingNo(o.id, value)}
          packed={form.packed}
          invalidPacked={form.invalidPacked}
          onPackedChange={form.setPacked}
        />
      ))}
      {form.error ? (
        <Text id="ship-error" className="f-error">
          {form.error}
        </Text>
      ) : null}
      <View className="f-bar">
        {done ? (
          <Button id="ship-done" className="f-button" onClick={goBack}>
            发货完成，返回
          </Button>
        ) : (
          <Button id="ship-submit" className="f-button" loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(list)}>
            确认发货{pending.length > 1 ? `(${pending.length}单)` : ''}
          </Button>
        )}
      </View>
    </View>
  )
}
