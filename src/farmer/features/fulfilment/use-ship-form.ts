/**
 * The ship page's state: the orders (by id), one courier for all, a tracking number per order
 * (typed or scanned), and after submitting, each order's outcome.
 */
import { useCallback, useState } from 'react'
import type { FarmerOrderDto, ShipOutcomeDto } from '@contracts/fulfilment'
import { isCourierCode, isTrackingNo, normalizeTrackingNo } from '@domain/couriers'
import { taroStorage } from '../../../lib/storage'
import { shipOrders } from './api'
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
  results: Record<number, ShipOutcomeDto>
  submitting: boolean
  error: string | null
  submit: (orders: readonly FarmerOrderDto[]) => Promise<void>
}

/** Orders still to ship: paid and not shipped by this page already. */
export function pendingOf(orders: readonly FarmerOrderDto[], results: Record<number, ShipOutcomeDto>): FarmerOrderDto[] {
  return orders.filter((o) => canShip(o) && !results[o.id]?.ok)
}

export function useShipForm(): ShipForm {
  const [carrier, setCarrierState] = useState<string | null>(lastCourier)
  const [trackingNos, setTrackingNos] = useState<Record<number, string>>({})
  const [invalid, setInvalid] = useState<number[]>([])
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
      setError(null)
      setSubmitting(true)
      try {
        const res = await shipOrders(todo.map((o) => ({ orderId: o.id, carrier, trackingNo: trackingNos[o.id] })))
        setResults((all) => ({ ...all, ...Object.fromEntries(res.results.map((r) => [r.orderId, r])) }))
        taroStorage.setItem(LAST_COURIER_KEY, carrier)
      } catch (err) {
        setError(requestErrorText(err))
      } finally {
        setSubmitting(false)
      }
    },
    [carrier, results, submitting, trackingNos],
  )

  return { carrier, setCarrier, trackingNos, setTrackingNo, invalid, results, submitting, error, submit }
}
