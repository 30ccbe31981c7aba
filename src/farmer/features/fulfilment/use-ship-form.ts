/**
 * The ship page's state: the orders (by id), one courier for all, a tracking number per order
 * (typed or scanned), the packed weight of lines sold by weight (empty: as ordered), and after
 * submitting, each order's outcome.
 */
import { useCallback, useState } from 'react'
import type { FarmerOrderDto, ShipOutcomeDto } from '@contracts/fulfilment'
import { isCourierCode, isTrackingNo, normalizeTrackingNo } from '@domain/couriers'
import { isSoldByWeight, parsePackedInput } from '@domain/packed-weight'
import { taroStorage } from '../../../lib/storage'
import { shipOrders, type ShipLine } from './api'
import { canShip, requestErrorText } from './labels'

const LAST_COURIER_KEY = 'xiangji-farmer-courier'

function lastCourier(): string | null {
  const saved = taroStorage.getItem(LAST_COURIER_KEY)
  return typeof saved === 'string' && isCourierCode(saved) ? saved : null
}

export interface ShipForm {
  carrier: string | null
  setCarrier: (code: string) => void
  trackingNos: Record<number, string>
  setTrackingNo: (orderId: number, value: string) => void
  /** Orders whose number is not a tracking number yet (shown after a submit attempt). */
  invalid: number[]
  /** 实发重量 as typed, by order line id. */
  packed: Record<number, string>
  setPacked: (orderItemId: number, value: string) => void
  /** Lines whose packed weight is not a weight (shown after a submit attempt). */
  invalidPacked: number[]
  results: Record<number, ShipOutcomeDto>
  submitting: boolean
  error: string | null
  submit: (orders: readonly FarmerOrderDto[]) => Promise<void>
}

/** Orders still to ship: paid and not shipped by this page already. */
export function pendingOf(orders: readonly FarmerOrderDto[], results: Record<number, ShipOutcomeDto>): FarmerOrderDto[] {
  return orders.filter((o) => canShip(o) && !results[o.id]?.ok)
}

/** The packed weights typed for an order's lines sold by weight, in grams; the lines typed wrong. */
function packedOf(order: FarmerOrderDto, typed: Record<number, string>): { packed: NonNullable<ShipLine['packed']>; bad: number[] } {
  const packed: NonNullable<ShipLine['packed']> = []
  const bad: number[] = []
  for (const item of order.items) {
    if (!isSoldByWeight(item.unit)) continue
    const grams = parsePackedInput(item.unit, typed[item.id] ?? '')
    if (grams === 'invalid') bad.push(item.id)
    else if (grams !== null) packed.push({ orderItemId: item.id, packedWeightG: grams })
  }
  return { packed, bad }
}

export function useShipForm(): ShipForm {
  const [carrier, setCarrierState] = useState<string | null>(lastCourier)
  const [trackingNos, setTrackingNos] = useState<Record<number, string>>({})
  const [invalid, setInvalid] = useState<number[]>([])
  const [packed, setPackedAll] = useState<Record<number, string>>({})
  const [invalidPacked, setInvalidPacked] = useState<number[]>([])
  const [results, setResults] = useState<Record<number, ShipOutcomeDto>>({})
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const setCarrier = useCallback((code: string) => {
    setCarrierState(code)
    setError(null)
  }, [])

  const setTrackingNo = useCallback((orderId: number, value: string) => {
    setTrackingNos((all) => ({ ...all, [orderId]: normalizeTrackingNo(value) }))
    setInvalid((ids) => ids.filter((id) => id !== orderId))
  }, [])

  const setPacked = useCallback((orderItemId: number, value: string) => {
    setPackedAll((all) => ({ ...all, [orderItemId]: value }))
    setInvalidPacked((ids) => ids.filter((id) => id !== orderItemId))
  }, [])

  const submit = useCallback(
    async (orders: readonly FarmerOrderDto[]) => {
      if (submitting) return
      const todo = pendingOf(orders, results)
      if (todo.length === 0) return
      if (!carrier) {
        setError('请先选快递公司')
        return
      }
      const bad = todo.filter((o) => !isTrackingNo(trackingNos[o.id] ?? ''))
      setInvalid(bad.map((o) => o.id))
      if (bad.length > 0) {
        setError('请填好每一单的快递单号（6到32位字母或数字）')
        return
      }
      const weights = new Map(todo.map((o) => [o.id, packedOf(o, packed)]))
      const badWeights = [...weights.values()].flatMap((w) => w.bad)
      setInvalidPacked(badWeights)
      if (badWeights.length > 0) {
        setError('实发重量请填数字（斤最多两位小数，公斤最多三位），不填即按下单重量')
        return
      }
      setError(null)
      setSubmitting(true)
      try {
        const lines: ShipLine[] = todo.map((o) => {
          const w = weights.get(o.id)!.packed
          return { orderId: o.id, carrier, trackingNo: trackingNos[o.id], ...(w.length > 0 ? { packed: w } : {}) }
        })
        const res = await shipOrders(lines)
        setResults((all) => ({ ...all, ...Object.fromEntries(res.results.map((r) => [r.orderId, r])) }))
        taroStorage.setItem(LAST_COURIER_KEY, carrier)
      } catch (err) {
        setError(requestErrorText(err))
      } finally {
        setSubmitting(false)
      }
    },
    [carrier, packed, results, submitting, trackingNos],
  )

  return { carrier, setCarrier, trackingNos, setTrackingNo, invalid, packed, setPacked, invalidPacked, results, submitting, error, submit }
}
