/**
 * After the cashier: asks the server to check with WeChat Pay (/sync), then polls the checkout a
 * few times until its orders leave 待付款. The client's own "payment ok" is never trusted.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckoutDto } from '@contracts/orders'
import { buyerActions } from '@domain/order-states'
import { isApiError } from '../../lib/api-error'
import { fetchCheckout, syncCheckout } from './api'

export const POLL_INTERVAL_MS = 1500
export const POLL_ATTEMPTS = 5

/** paid: no order waits for payment and at least one was paid; closed: all cancelled (expired). */
export type CheckoutOutcome = 'checking' | 'paid' | 'unpaid' | 'closed' | 'error'

export function outcomeOf(checkout: CheckoutDto): Exclude<CheckoutOutcome, 'checking' | 'error'> {
  if (checkout.orders.some((o) => buyerActions(o.status).includes('pay'))) return 'unpaid'
  if (checkout.orders.some((o) => o.status !== 'cancelled')) return 'paid'
  return 'closed'
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function useCheckoutStatus(checkoutId: number | null) {
  const [outcome, setOutcome] = useState<CheckoutOutcome>('checking')
  const [checkout, setCheckout] = useState<CheckoutDto | null>(null)
  const [error, setError] = useState<unknown>(null)
  const generation = useRef(0)

  const check = useCallback(async () => {
    if (checkoutId === null) return
    const gen = ++generation.current
    const live = () => gen === generation.current
    setOutcome('checking')
    let latest: CheckoutDto | null = null
    let lastError: unknown = null
    try {
      latest = await syncCheckout(checkoutId)
    } catch (err) {
      lastError = err // the query may fail while the notification has already arrived: read the checkout
    }
    for (let i = 0; live() && (latest === null || outcomeOf(latest) === 'unpaid') && i < POLL_ATTEMPTS; i++) {
      if (latest !== null || i > 0) await sleep(POLL_INTERVAL_MS)
      if (!live()) return
      try {
        latest = await fetchCheckout(checkoutId)
        lastError = null
      } catch (err) {
        lastError = err
        if (isApiError(err) && err.status >= 400 && err.status < 500) break // not found, not yours: asking again won't help
      }
    }
    if (!live()) return
    if (latest === null) {
      setError(lastError)
      setOutcome('error')
      return
    }
    setCheckout(latest)
    setOutcome(outcomeOf(latest))
  }, [checkoutId])

  useEffect(() => {
    void check()
    return () => {
      generation.current++ // stop polling when the page goes away
    }
  }, [check])

  return { outcome, checkout, error, recheck: check }
}
