/**
 * The server's view of the cart, refreshed (debounced) whenever the lines change and when the
 * page shows again. Two previews: `all` covers every line (current prices, stock, problems,
 * shipping rules); `chosen` covers the ticked lines that can be ordered, and gives the totals.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckoutPreviewDto } from '@contracts/orders'
import { useCart, type CartLine } from '../../stores/cart'
import { linesBySpec, previewCart } from './api'

export const PREVIEW_DEBOUNCE_MS = 300

export interface CartPreview {
  /** loading: an answer for the current lines is on its way (earlier numbers may still show) */
  status: 'idle' | 'loading' | 'ready' | 'error'
  all: CheckoutPreviewDto | null
  /** null when nothing orderable is ticked */
  chosen: CheckoutPreviewDto | null
  error: unknown
  refresh: () => void
}

interface State {
  status: CartPreview['status']
  all: CheckoutPreviewDto | null
  chosen: CheckoutPreviewDto | null
  error: unknown
}

const IDLE: State = { status: 'idle', all: null, chosen: null, error: null }

const toItems = (lines: readonly CartLine[]) => lines.map((l) => ({ specId: l.specId, quantity: l.quantity }))

/** `enabled` false (signed out): nothing is asked. */
export function useCartPreview(lines: CartLine[], enabled: boolean): CartPreview {
  const [state, setState] = useState<State>(IDLE)
  const [tick, setTick] = useState(0)
  const linesRef = useRef(lines)
  linesRef.current = lines
  const generation = useRef(0)
  const key = lines.map((l) => `${l.specId}x${l.quantity}${l.selected ? '+' : '-'}`).join(',')

  useEffect(() => {
    const gen = ++generation.current
    if (!enabled || key === '') {
      setState(IDLE)
      return
    }
    setState((s) => (s.status === 'loading' ? s : { ...s, status: 'loading' }))
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const current = linesRef.current
          const all = await previewCart(toItems(current))
          if (gen !== generation.current) return
          const previewed = linesBySpec(all)
          useCart.getState().noteStock(new Map(Array.from(previewed.values(), (l) => [l.specId, l.stock] as const)))
          const chosenLines = current.filter((l) => l.selected && previewed.get(l.specId)?.problem === null)
          let chosen: CheckoutPreviewDto | null = null
          if (chosenLines.length === current.length) chosen = all
          else if (chosenLines.length > 0) chosen = await previewCart(toItems(chosenLines))
          if (gen !== generation.current) return
          setState({ status: 'ready', all, chosen, error: null })
        } catch (error) {
          if (gen === generation.current) setState((s) => ({ ...s, status: 'error', error }))
        }
      })()
    }, PREVIEW_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [key, enabled, tick])

  const refresh = useCallback(() => setTick((t) => t + 1), [])
  return { ...state, refresh }
}
