/** A manager's action on a coop page: one at a time, a toast when done, then the page's data again. */
import { useState } from 'react'
import { userMessage } from '../../lib/api-error'
import { showToast } from '../../lib/page'

export interface CoopAction {
  /** True while an action runs: buttons show as off and ignore taps. */
  busy: boolean
  /** Runs `run`; on success toasts `done` and refreshes, on failure toasts the error in Chinese. */
  act: (run: () => Promise<unknown>, done: string) => Promise<void>
}

export function useCoopAction(refresh: () => Promise<void>, errorMessage: (err: unknown) => string = userMessage): CoopAction {
  const [busy, setBusy] = useState(false)
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await run()
      showToast(done)
      await refresh()
    } catch (err) {
      showToast(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return { busy, act }
}
