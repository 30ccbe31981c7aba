import { useEffect, useState } from 'react'
import type { DemoPersonaDto } from '@contracts/auth'
import { isH5 } from '../../lib/env'
import { fetchDemoPersonas } from '../../lib/login'

/** H5 only: the sandbox's demo personas; null while unknown or when the server offers none. */
export function useDemoPersonas(enabled: boolean): DemoPersonaDto[] | null {
  const [personas, setPersonas] = useState<DemoPersonaDto[] | null>(null)
  useEffect(() => {
    if (!enabled || !isH5) return
    let live = true
    fetchDemoPersonas()
      .then((list) => {
        if (live) setPersonas(list)
      })
      .catch(() => {
        if (live) setPersonas(null)
      })
    return () => {
      live = false
    }
  }, [enabled])
  return personas
}
