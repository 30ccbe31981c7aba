/** The decide form of one escalated claim: amount in 元, who bears it, a note; asks before sending. */
import { useRef, useState } from 'react'
import type { ClaimDto } from '@contracts/after-sales'
import { fenToYuanInput } from '@domain/money'
import type { RefundBearer } from '@domain/payment-states'
import { confirmModal } from '../../../lib/page'
import { checkDecision, decidePrompt } from './labels'

export interface Decision {
  amount: string
  setAmount: (value: string) => void
  borneBy: RefundBearer | null
  setBorneBy: (value: RefundBearer) => void
  note: string
  setNote: (value: string) => void
  error: string | null
  /** Checks the form and asks; runs `send` with the body when the manager confirms. */
  submit: (send: (body: { amountFen: number; borneBy: RefundBearer; note: string }) => Promise<void>) => Promise<void>
}

interface Fields {
  amount: string
  borneBy: RefundBearer | null
  note: string
}

export function useDecision(claim: ClaimDto): Decision {
  // Start from the suggested amount (capped by what is left); the manager changes it.
  const [fields, setFields] = useState<Fields>(() => ({ amount: fenToYuanInput(Math.min(claim.suggestedFen, claim.refundableFen)), borneBy: null, note: '' }))
  const [error, setError] = useState<string | null>(null)
  // What was entered last, read at submit: a tap right after typing may come before the re-render.
  const latest = useRef(fields)
  const set = (change: Partial<Fields>) => {
    latest.current = { ...latest.current, ...change }
    setFields(latest.current)
    setError(null)
  }

  const submit: Decision['submit'] = async (send) => {
    const checked = checkDecision(latest.current, claim.refundableFen)
    if (!checked.ok) {
      setError(checked.error)
      return
    }
    if (!(await confirmModal(decidePrompt(claim, checked)))) return
    await send({ amountFen: checked.fen, borneBy: checked.borneBy, note: checked.note })
  }

  return {
    ...fields,
    setAmount: (amount) => set({ amount }),
    setBorneBy: (borneBy) => set({ borneBy }),
    setNote: (note) => set({ note }),
    error,
    submit,
  }
}
