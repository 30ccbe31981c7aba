/**
 * 物流信息 on the order detail: the courier and number with a 复制 button, when it was sent, and —
 * once shipped — the parcel's trail from the courier, newest scan first, with its state in words
 * (已揽收 / 运输中 / 派送中 / 已签收 / 暂无物流信息) and loading, empty and error states.
 */
import { Button, Text, View } from '@tarojs/components'
import type { ParcelTrailDto } from '@contracts/freight'
import type { OrderDetailDto } from '@contracts/orders'
import { formatChinaDateTime } from '@domain/china-time'
import { courierName } from '@domain/couriers'
import { TRACKING_STATE_LABELS } from '@domain/tracking'
import { userMessage } from '../../lib/api-error'
import { copyText } from '../../lib/clipboard'
import { hasParcel, useParcelTrail } from './use-parcel-trail'
import './order-parcel.scss'

function Trail({ trail }: { trail: ParcelTrailDto }) {
  if (trail.events.length === 0) {
    return (
      <View id="parcel-empty" className="parcel__empty">
        <Text className="parcel__empty-title">{TRACKING_STATE_LABELS.unknown}</Text>
        {trail.reason ? <Text className="parcel__note">{trail.reason}</Text> : null}
      </View>
    )
  }
  return (
    <View id="parcel-events" className="parcel__events">
      {trail.reason ? <Text id="parcel-reason" className="parcel__note">{trail.reason}</Text> : null}
      {[...trail.events].reverse().map((e, idx) => (
        <View key={`${e.at}-${idx}`} className={`parcel-event${idx === 0 ? ' parcel-event--latest' : ''}`}>
          <View className="parcel-event__dot" />
          <View className="parcel-event__body">
            <Text className="parcel-event__state">{TRACKING_STATE_LABELS[e.state]}</Text>
            <Text className="parcel-event__text">{e.text}</Text>
            <Text className="parcel-event__time">{formatChinaDateTime(e.at, 'MM-DD HH:mm')}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

export function OrderParcel({ order: o }: { order: OrderDetailDto }) {
  const trail = useParcelTrail(o)
  const state = trail.state
  if (!o.carrier && !o.trackingNo) return null
  return (
    <View className="order-detail__block parcel" id="order-parcel">
      <View className="parcel__head">
        <Text className="order-detail__heading">物流信息</Text>
        {state.status === 'ready' ? (
          <Text id="parcel-state" className={`parcel__state parcel__state--${state.data.state}`}>
            {TRACKING_STATE_LABELS[state.data.state]}
          </Text>
        ) : null}
      </View>
      <View className="parcel__number">
        <Text id="order-tracking" className="parcel__number-text" userSelect>
          {courierName(o.carrier)} {o.trackingNo ?? ''}
        </Text>
        {o.trackingNo ? (
          <Button id="copy-tracking-no" className="parcel__copy" onClick={() => void copyText(o.trackingNo!)}>
            复制
          </Button>
        ) : null}
      </View>
      {o.shippedAt ? <Text className="parcel__note">发货时间 {formatChinaDateTime(o.shippedAt)}</Text> : null}

      {!hasParcel(o) ? null : state.status === 'loading' ? (
        <Text id="parcel-loading" className="parcel__note">正在查询物流…</Text>
      ) : state.status === 'error' ? (
        <View id="parcel-error" className="parcel__empty">
          <Text className="parcel__note">{userMessage(state.error)}</Text>
          <Button id="parcel-retry" className="parcel__copy" onClick={() => void trail.retry()}>
            重新查询
          </Button>
        </View>
      ) : (
        <Trail trail={state.data} />
      )}
    </View>
  )
}
