/**
 * The farmer's answer to one claim: 同意退款, 提出金额 (元 → fen, at most what is refundable, an
 * optional note) or 有异议 (a note is required). Each asks first in a plain-Chinese dialog, sends
 * one request at a time, and hands the claim's new state to `onChanged`.
 */
import { useRef, useState } from 'react'
import type { ClaimDto } from '@contracts/after-sales'
import { isApiError } from '../../../lib/api-error'
import { confirmModal, showToast } from '../../../lib/page'
import { claimsApi } from './api'
import { checkOfferAmount, claimErrorText, doneText, prompts } from './labels'

export type AnswerForm = 'offer' | 'contest' | null

export interface ClaimAnswer {
  form: AnswerForm
  open: (form: AnswerForm) => void
  amount: string
  setAmount: (value: string) => void
  note: string
  setNote: (value: string) => void
  busy: boolean
  /** What is wrong with the form, or why the last request failed. */
  error: string | null
  accept: () => Promise<void>
  offer: () => Promise<void>
  contest: () => Promise<void>
}

/** `onStale`: the claim changed elsewhere (the buyer withdrew, the cooperative took it): reload the list. */
export function useClaimAnswer(claim: ClaimDto, onChanged: (claim: ClaimDto) => void, onStale: () => void): ClaimAnswer {
  const [form, setForm] = useState<AnswerForm>(null)
  const [amount, setAmountState] = useState('')
  const [note, setNoteState] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // What was typed last, read at submit: a tap right after typing may come before the re-render.
  const typed = useRef({ amount: '', note: '' })

  const open = (next: AnswerForm) => {
    setForm(next)
    typed.current = { amount: '', note: '' }
    setNoteState('')
    setAmountState('')
    setError(null)
  }
  const setAmount = (value: string) => {
    typed.current.amount = value
    setAmountState(value)
    setError(null)
  }
  const setNote = (value: string) => {
    typed.current.note = value
    setNoteState(value)
    setError(null)
  }

  const send = async (step: keyof typeof doneText, prompt: ReturnType<(typeof prompts)[keyof typeof prompts]>, run: () => Promise<ClaimDto>) => {
    if (busy) return
    if (!(await confirmModal(prompt))) return
    setBusy(true)
    setError(null)
    try {
      const next = await run()
      setForm(null)
      onChanged(next)
      showToast(doneText[step])
    } catch (err) {
      setError(claimErrorText(err))
      if (isApiError(err) && (err.code === 'CLAIM_STEP_NOT_ALLOWED' || err.status === 404)) onStale()
    } finally {
      setBusy(false)
    }
  }

  const accept = () => send('accept', prompts.accept(claim.suggestedFen), () => claimsApi.accept(claim.id))

  const offer = async () => {
    const checked = checkOfferAmount(typed.current.amount, claim.refundableFen)
    if (!checked.ok) {
      setError(checked.error)
      return
    }
    const text = typed.current.note.trim()
    await send('offer', prompts.offer(checked.fen), () => claimsApi.offer(claim.id, text ? { amountFen: checked.fen, note: text } : { amountFen: checked.fen }))
  }

  const contest = async () => {
    const text = typed.current.note.trim()
    if (!text) {
      setError('请写一下您的理由，合作社会看到')
      return
    }
    await send('contest', prompts.contest(), () => claimsApi.contest(claim.id, text))
  }

  return { form, open, amount, setAmount, note, setNote, busy, error, accept, offer, contest }
}
