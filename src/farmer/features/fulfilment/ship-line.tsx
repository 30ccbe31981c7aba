/** One order on the ship page: whom it goes to, what is in it, its tracking number, the packed weight of lines sold by weight, its outcome. */
import { Button, Input, Text, View } from '@tarojs/components'
import type { FarmerOrderDto, ShipOutcomeDto } from '@contracts/fulfilment'
import { courierName } from '@domain/couriers'
import { isSoldByWeight } from '@domain/packed-weight'
import { canScan, scanCode } from '../../../lib/scan'
import { showToast } from '../../../lib/page'
import { canShip, shipErrorText } from './labels'
import { PackedWeightDone, PackedWeightField, type WeighedItem } from './packed-weight-field'
import './ship.scss'

interface Props {
  order: FarmerOrderDto
  trackingNo: string
  invalid: boolean
  result?: ShipOutcomeDto
  disabled: boolean
  onChange: (value: string) => void
  /** 实发重量 typed per order line (by line id), and the lines marked wrong after a submit attempt. */
  packed: Record<number, string>
  invalidPacked: number[]
  onPackedChange: (orderItemId: number, value: string) => void
}

const weighed = (o: FarmerOrderDto): WeighedItem[] => o.items.filter((i): i is WeighedItem => isSoldByWeight(i.unit))

function Outcome({ order, result }: { order: FarmerOrderDto; result?: ShipOutcomeDto }) {
  if (result?.ok) {
    return (
      <Text id={`ship-result-${order.id}`} className="f-ship__ok">
        ✓ 已发货 {courierName(result.carrier)} {result.trackingNo}
      </Text>
    )
  }
  if (result?.error) {
    return (
      <Text id={`ship-result-${order.id}`} className="f-ship__bad">
        ✗ {shipErrorText(result.error.code)}
      </Text>
    )
  }
  if (!canShip(order)) {
    return (
      <Text id={`ship-result-${order.id}`} className="f-ship__ok">
        已发货 {courierName(order.carrier)} {order.trackingNo ?? ''}
      </Text>
    )
  }
  return null
}

export function ShipLine({ order: o, trackingNo, invalid, result, disabled, onChange, packed, invalidPacked, onPackedChange }: Props) {
  const editable = canShip(o) && !result?.ok
  const scan = async () => {
    const res = await scanCode()
    if (res.ok) onChange(res.text)
    else if (!res.cancelled) showToast('没有扫到单号，请再试一次或手动填写')
  }
  return (
    <View className="f-ship">
      <Text className="f-ship__who">
        {o.address.name} {o.address.phone}
      </Text>
      <Text className="f-ship__address">{o.address.full}</Text>
      <Text className="f-ship__items">{o.items.map((i) => `${i.title} ${i.specName} ×${i.quantity}`).join('，')}</Text>
      {editable ? (
        <View className={`f-ship__input-row${invalid ? ' f-ship__input-row--bad' : ''}`}>
          <Input
            id={`tracking-${o.id}`}
            className="f-ship__input"
            type="text"
            placeholder="填写或扫描快递单号"
            value={trackingNo}
            maxlength={40}
            disabled={disabled}
            onInput={(e) => onChange(e.detail.value)}
          />
          {canScan ? (
            <Button id={`scan-${o.id}`} className="f-button f-button--small f-button--ghost" disabled={disabled} onClick={scan}>
              扫码
            </Button>
          ) : null}
        </View>
      ) : null}
      {weighed(o).map((item) =>
        editable ? (
          <PackedWeightField
            key={item.id}
            item={item}
            value={packed[item.id] ?? ''}
            invalid={invalidPacked.includes(item.id)}
            disabled={disabled}
            onChange={(value) => onPackedChange(item.id, value)}
          />
        ) : (
          <PackedWeightDone key={item.id} item={item} value={result?.ok ? (packed[item.id] ?? '') : ''} />
        ),
      )}
      <Outcome order={o} result={result} />
    </View>
  )
}
