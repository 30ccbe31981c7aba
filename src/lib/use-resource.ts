/** Loads one thing (a product, a farmer, the categories) with loading / error / retry states. */
import { useCallback, useEffect, useRef, useState } from 'react'

export type ResourceState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: unknown }

export interface Resource<T> {
  state: ResourceState<T>
  /** Load again showing the loading state (after an error). */
  retry: () => Promise<void>
  /** Load again keeping what is shown until the answer arrives (pull-down refresh). */
  refresh: () => Promise<void>
}

/** `key` null means there is nothing to load yet; a new key loads afresh. */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading', data: null, error: null })
  const loadRef = useRef(load)
  loadRef.current = load
  const generation = useRef(0)

  const run = useCallback(async (showLoading: boolean) => {
    const gen = ++generation.current
    if (showLoading) setState({ status: 'loading', data: null, error: null })
    try {
      const data = await loadRef.current()
      if (gen === generation.current) setState({ status: 'ready', data, error: null })
    } catch (error) {
      if (gen === generation.current) setState({ status: 'error', data: null, error })
    }
  }, [])

  useEffect(() => {
    if (key !== null) void run(true)
  }, [key, run])

  const retry = useCallback(() => run(true), [run])
  const refresh = useCallback(() => run(false), [run])
  return { state, retry, refresh }
}
