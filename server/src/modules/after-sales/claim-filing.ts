/**
 * A buyer files a claim on one of their orders: idempotent per (buyer, Idempotency-Key) — the
 * same key and body return the first claim, another body is IDEMPOTENCY_KEY_REUSED. With the
 * order row locked: the window (shipped, or received ≤ 48 h ago), the lines (each in grams or
 * whole units, see claim-lines.ts), one open claim per line, the suggested refund capped by what
 * is left; the claim, its lines, the timeline event and the escalation job (due at the farmer's deadline) in the same transaction.
 */
import type { ClaimBodyDto } from '@contracts/after-sales'
import { CLAIM_WINDOW_HOURS, FARMER_ANSWER_HOURS } from '@domain/claim-states'
import type { Db } from '../../db/client'
import { UNIQUE_VIOLATION, pgErrorCode } from '../../db/pg-errors'
import { inTransaction } from '../../db/transaction'
import { AppError, notFound } from '../../http/errors'
import { enqueue } from '../../jobs/job-queue'
import { findOrder, itemsOf, recordOrderStep, type OrderRow } from '../orders'
import { refundableFen } from '../payments'
import { canonicalRequest, defaultMeasure, orderedMeasure, planLines, suggestedTotalFen, type ClaimRequest } from './claim-lines'
import { farmersByIds, findClaimByKey, insertClaim, insertClaimLines, linesOf, linesWithOpenClaim, type ClaimRow } from './claim-repository'
import { timeline } from './claim-timeline'

export const ESCALATE_CLAIM_JOB = 'escalate_claim'
const HOUR_MS = 3_600_000

export interface FileClaimInput {
  buyerId: number
  orderId: number
  idempotencyKey: string
  body: ClaimBodyDto
}

export interface ClaimFilingDeps {
  db: Db
  clock: () => Date
  /** Which of these photo keys the user uploaded (the uploads module answers). */
  ownedMediaKeys: (userId: number, keys: string[]) => Promise<Set<string>>
}

/** A claim may be filed while the parcel is on its way, and until 48 h after receipt (confirmed by the buyer or automatically). */
export function claimWindowOpen(order: Pick<OrderRow, 'status' | 'receivedAt'>, now: Date): boolean {
  if (order.status === 'shipped') return true
  return order.status === 'received' && order.receivedAt !== null && now.getTime() <= order.receivedAt.getTime() + CLAIM_WINDOW_HOURS * HOUR_MS
}

/** Thrown inside the transaction when a concurrent request with the same key won. */
class SameKeyFiled extends Error {}

export function createClaimFiling({ db, clock, ownedMediaKeys }: ClaimFilingDeps) {
  /** The first claim filed with this key, or a 409 if that was another request. */
  async function answerAgain(existing: ClaimRow, request: ClaimRequest): Promise<ClaimRow> {
    const [items, lines] = await Promise.all([itemsOf(db, [existing.orderId]), linesOf(db, [existing.id])])
    const itemById = new Map(items.map((i) => [i.id, i]))
    // The request as the first one was stored: each line in its measure (the default when none was named), capped at what was ordered.
    const resolved = request.lines.map((l) => {
      const item = itemById.get(l.orderItemId)
      if (!item) return l
      const measure = l.measure ?? defaultMeasure(item.unit)
      return { orderItemId: l.orderItemId, measure, affected: Math.min(l.affected, orderedMeasure(item, measure)) }
    })
    const asked = { ...request, lines: resolved }
    const first = { orderId: existing.orderId, reason: existing.reason, note: existing.note, photos: existing.photos, lines }
    if (canonicalRequest(first) !== canonicalRequest(asked)) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different claim')
    }
    return existing
  }

  async function fileOnce(input: FileClaimInput, request: ClaimRequest, now: Date): Promise<ClaimRow> {
    return inTransaction(db, async (tx) => {
      const order = await findOrder(tx, input.orderId, true)
      if (!order || order.buyerId !== input.buyerId) throw notFound('Order')
      // A retry with this key that waited for the order's lock: the first request has filed it.
      if (await findClaimByKey(tx, input.buyerId, input.idempotencyKey)) throw new SameKeyFiled()
      if (!claimWindowOpen(order, now)) {
        throw new AppError('CLAIM_NOT_ALLOWED', `A claim is possible once the order is shipped and until ${CLAIM_WINDOW_HOURS} h after receipt`)
      }
      const planned = planLines(request.lines, await itemsOf(tx, [order.id]))
      const open = await linesWithOpenClaim(tx, planned.map((l) => l.orderItemId))
      if (open.size > 0) throw new AppError('CLAIM_ALREADY_OPEN', `Line ${[...open][0]} already has an open claim`)
      const suggestedFen = suggestedTotalFen(planned, await refundableFen(tx, order.id))
      const farmer = (await farmersByIds(tx, [order.farmerId])).get(order.farmerId)!
      const farmerDeadline = new Date(now.getTime() + FARMER_ANSWER_HOURS * HOUR_MS)

      const claim = await insertClaim(tx, {
        orderId: order.id,
        buyerId: input.buyerId,
        farmerId: order.farmerId,
        cooperativeId: farmer.cooperativeId,
        idempotencyKey: input.idempotencyKey,
        reason: request.reason,
        note: request.note,
        photos: [...request.photos],
        suggestedFen,
        farmerDeadline,
        createdAt: now,
        updatedAt: now,
      })
      if (!claim) throw new SameKeyFiled()
      await insertClaimLines(tx, planned.map((l) => ({ claimId: claim.id, ...l })))
      await enqueue(tx, { kind: ESCALATE_CLAIM_JOB, dedupeKey: `claim:escalate:${claim.id}`, payload: { claimId: claim.id }, runAt: farmerDeadline })
      const entry = timeline.opened(request.reason, suggestedFen)
      await recordOrderStep(tx, { orderId: order.id, status: order.status, actor: 'buyer', actorUserId: input.buyerId, event: entry.event, reason: entry.reason, at: now })
      return claim
    })
  }

  return {
    /** The claim, and whether this request created it (false: the same key and body again). */
    async file(input: FileClaimInput): Promise<{ claim: ClaimRow; created: boolean }> {
      const request: ClaimRequest = {
        orderId: input.orderId,
        reason: input.body.reason,
        note: input.body.note?.trim() ?? '',
        photos: [...new Set(input.body.photos)],
        lines: input.body.lines,
      }
      const earlier = await findClaimByKey(db, input.buyerId, input.idempotencyKey)
      if (earlier) return { claim: await answerAgain(earlier, request), created: false }

      const owned = await ownedMediaKeys(input.buyerId, [...request.photos])
      if (request.photos.some((k) => !owned.has(k))) throw new AppError('UNKNOWN_PHOTO', 'A photo is not one you uploaded')
      try {
        return { claim: await fileOnce(input, request, clock()), created: true }
      } catch (err) {
        if (err instanceof SameKeyFiled || pgErrorCode(err) === UNIQUE_VIOLATION) {
          const winner = await findClaimByKey(db, input.buyerId, input.idempotencyKey)
          if (winner) return { claim: await answerAgain(winner, request), created: false }
        }
        throw err
      }
    },
  }
}

export type ClaimFiling = ReturnType<typeof createClaimFiling>
