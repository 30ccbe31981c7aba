/**
 * The claim form's state: the reason, how much of each line is affected and in which measure
 * (箱/个 lines: 按箱(个) by default, or 按斤; 斤/kg lines: 斤 only), photos, a note, the live
 * suggested refund, and submitting with one Idempotency-Key per attempt (kept across retries of
 * the same claim). Lines that already have an open claim are left out.
 */
import { useState } from 'react'
import type { ClaimBodyDto, ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto, OrderItemDto } from '@contracts/orders'
import { isClaimOpen, type ClaimMeasure, type ClaimReason } from '@domain/claim-states'
import { userMessage } from '../../../lib/api-error'
import { useIdempotencyKey } from '../../../lib/idempotency'
import { fileClaim } from './api'
import { defaultMeasure, lineSuggestionFen, measuresFor, parseAffected, type AffectedInput } from './claim-lines'
import { useClaimPhotos } from './use-claim-photos'

export interface FormLine {
  item: OrderItemDto
  /** The measure the buyer chose (or the line's default), and those they may choose from. */
  measure: ClaimMeasure
  measures: readonly ClaimMeasure[]
  text: string
  affected: AffectedInput
  suggestedFen: number
}

/** The order's lines a new claim may cover: those without an open claim. */
export function claimableItems(order: Pick<OrderDetailDto, 'items'>, claims: readonly Pick<ClaimDto, 'status' | 'lines'>[]): OrderItemDto[] {
  const taken = new Set(claims.filter((c) => isClaimOpen(c.status)).flatMap((c) => c.lines.map((l) => l.orderItemId)))
  return order.items.filter((i) => !taken.has(i.id))
}

export function useClaimForm(order: OrderDetailDto, claims: readonly ClaimDto[], onFiled: (claim: ClaimDto) => void) {
  const [reason, setReason] = useState<ClaimReason | null>(null)
  const [texts, setTexts] = useState<Record<number, string>>({})
  const [measures, setMeasures] = useState<Record<number, ClaimMeasure>>({})
  const [note, setNote] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const photos = useClaimPhotos()
  const keyFor = useIdempotencyKey()

  const lines: FormLine[] = claimableItems(order, claims).map((item) => {
    const text = texts[item.id] ?? ''
    const measure = measures[item.id] ?? defaultMeasure(item.unit)
    const affected = parseAffected(item, text, measure)
    return { item, measure, measures: measuresFor(item.unit), text, affected, suggestedFen: lineSuggestionFen(item, affected, measure) }
  })
  const chosen = lines.filter((l) => l.affected.ok && l.affected.amount !== null)
  const suggestedFen = chosen.reduce((sum, l) => sum + l.suggestedFen, 0)

  const setAffected = (itemId: number, text: string) => {
    setTexts((all) => ({ ...all, [itemId]: text }))
    setError(null)
  }

  /** Switches a 箱/个 line between 按箱(个) and 按斤; what was typed meant the other measure, so it is cleared. */
  const setMeasure = (itemId: number, measure: ClaimMeasure) => {
    const line = lines.find((l) => l.item.id === itemId)
    if (!line || line.measure === measure || !line.measures.includes(measure)) return
    setMeasures((all) => ({ ...all, [itemId]: measure }))
    setTexts((all) => ({ ...all, [itemId]: '' }))
    setError(null)
  }

  /** Why the form cannot be sent yet, or null. */
  const problem = (): string | null => {
    if (reason === null) return '请选择售后原因'
    if (lines.some((l) => !l.affected.ok)) return '请检查受影响数量'
    if (chosen.length === 0) return '请填写受影响的数量'
    if (photos.uploading) return '照片还在上传，请稍等'
    if (photos.pending.length > 0) return '有照片上传失败，请点击重试或删除'
    return null
  }

  const submit = async () => {
    if (submitting) return
    const why = problem()
    if (why) {
      setError(why)
      return
    }
    const body: ClaimBodyDto = {
      reason: reason!,
      photos: photos.photos.map((p) => p.key),
      lines: chosen.map((l) => ({ orderItemId: l.item.id, affected: (l.affected as { amount: number }).amount, measure: l.measure })),
      ...(note.trim() ? { note: note.trim() } : {}),
    }
    const key = keyFor(JSON.stringify(body))
    setSubmitting(true)
    setError(null)
    try {
      onFiled(await fileClaim(order.id, body, key))
    } catch (err) {
      setError(userMessage(err))
      setSubmitting(false)
    }
  }

  return { reason, setReason, lines, setAffected, setMeasure, note, setNote, photos, suggestedFen, submit, submitting, error }
}

export type ClaimForm = ReturnType<typeof useClaimForm>
