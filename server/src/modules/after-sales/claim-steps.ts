/**
 * A step on a claim (claim-states.ts's table), in one transaction that locks as the money path
 * does: the order row first, then the claim, then — through requestRefund — the payment. A step
 * that settles an amount records the refund in the same transaction; every step is an event on
 * the order's timeline.
 */
import { claimTransition, ClaimTransitionError, type ClaimAction, type ClaimStatus } from '@domain/claim-states'
import type { RefundBearer } from '@domain/payment-states'
import type { Db, Tx } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { AppError, notFound } from '../../http/errors'
import { findOrder, recordOrderStep, type OrderRow } from '../orders'
import { refundableFen, requestRefund } from '../payments'
import { actorOf, sees, userIdOf, type ClaimViewer } from './claim-access'
import { findClaim, updateClaim, type ClaimChange, type ClaimRow } from './claim-repository'
import { timeline, type TimelineEntry } from './claim-timeline'

export type ClaimStep =
  | { action: 'accept' }
  | { action: 'offer'; amountFen: number; note?: string }
  | { action: 'contest'; note: string }
  | { action: 'time_out' }
  | { action: 'accept_offer' }
  | { action: 'ask_cooperative' }
  | { action: 'decide'; amountFen: number; borneBy: RefundBearer; note: string }
  | { action: 'withdraw' }

/** What a step changes: the claim's columns, the refund it settles (if any) and its timeline entry. */
interface StepOutcome {
  set: ClaimChange
  refund: { amountFen: number; borneBy: RefundBearer } | null
  entry: TimelineEntry
}

const tooHigh = (amountFen: number, refundable: number) =>
  new AppError('CLAIM_AMOUNT_TOO_HIGH', `${amountFen} fen is more than the ${refundable} fen left to refund of this order`)

function outcomeOf(step: ClaimStep, claim: ClaimRow, refundable: number, at: Date): StepOutcome {
  const note = (text: string | undefined) => text?.trim() || null
  switch (step.action) {
    case 'accept': {
      const amountFen = Math.min(claim.suggestedFen, refundable)
      return { set: { settledFen: amountFen, borneBy: 'farmer', closedAt: at }, refund: { amountFen, borneBy: 'farmer' }, entry: timeline.accepted(amountFen) }
    }
    case 'offer':
      if (step.amountFen > refundable) throw tooHigh(step.amountFen, refundable)
      return { set: { offeredFen: step.amountFen, farmerNote: note(step.note) }, refund: null, entry: timeline.offered(step.amountFen, note(step.note)) }
    case 'contest':
      return { set: { farmerNote: step.note.trim(), escalatedAt: at }, refund: null, entry: timeline.contested(step.note.trim()) }
    case 'time_out':
      return { set: { escalatedAt: at }, refund: null, entry: timeline.timedOut() }
    case 'accept_offer': {
      const amountFen = claim.offeredFen ?? 0
      if (amountFen > refundable) throw tooHigh(amountFen, refundable)
      return { set: { settledFen: amountFen, borneBy: 'farmer', closedAt: at }, refund: { amountFen, borneBy: 'farmer' }, entry: timeline.offerAccepted(amountFen) }
    }
    case 'ask_cooperative':
      return { set: { escalatedAt: at }, refund: null, entry: timeline.askedCooperative() }
    case 'decide':
      if (step.amountFen > refundable) throw tooHigh(step.amountFen, refundable)
      return {
        set: { settledFen: step.amountFen, borneBy: step.borneBy, managerNote: step.note.trim(), closedAt: at },
        refund: { amountFen: step.amountFen, borneBy: step.borneBy },
        entry: timeline.decided(step.amountFen, step.borneBy, step.note.trim()),
      }
    case 'withdraw':
      return { set: { closedAt: at }, refund: null, entry: timeline.withdrawn() }
  }
}

function nextStatus(status: ClaimStatus, action: ClaimAction, viewer: ClaimViewer): ClaimStatus {
  try {
    return claimTransition(status, action, actorOf(viewer))
  } catch (err) {
    if (err instanceof ClaimTransitionError) throw new AppError('CLAIM_STEP_NOT_ALLOWED', `Cannot ${action} a claim that is ${status}`)
    throw err
  }
}

/** Inside the caller's transaction, with the order and the claim locked: the step, its refund and its event. */
async function applyStep(tx: Tx, viewer: ClaimViewer, claim: ClaimRow, order: OrderRow, step: ClaimStep, at: Date): Promise<ClaimRow> {
  const to = nextStatus(claim.status, step.action, viewer)
  const outcome = outcomeOf(step, claim, await refundableFen(tx, order.id), at)
  const decidedBy = userIdOf(viewer)
  const updated = await updateClaim(tx, claim.id, claim.status, { ...outcome.set, status: to, updatedAt: at, ...(outcome.refund ? { decidedBy } : {}) })
  if (!updated) throw new AppError('CLAIM_STEP_NOT_ALLOWED', 'The claim changed meanwhile; reload it')
  if (outcome.refund && outcome.refund.amountFen > 0) {
    await requestRefund(
      tx,
      { order: { id: order.id, orderNo: order.orderNo, totalFen: order.totalFen }, kind: 'after_sale', amountFen: outcome.refund.amountFen, reason: '售后退款', borneBy: outcome.refund.borneBy, decidedBy, claimId: claim.id },
      at,
    )
  }
  await recordOrderStep(tx, { orderId: order.id, status: order.status, actor: actorOf(viewer), actorUserId: decidedBy, event: outcome.entry.event, reason: outcome.entry.reason, at })
  return updated
}

/**
 * Takes a step as `viewer` (a claim they may not see is a 404; a step the table refuses is
 * CLAIM_STEP_NOT_ALLOWED). With `onlyIfAllowed` a step the table refuses does nothing (null):
 * the escalation job, for a claim the farmer answered in time.
 */
export async function takeStep(db: Db, viewer: ClaimViewer, claimId: number, step: ClaimStep, at: Date, onlyIfAllowed = false): Promise<ClaimRow | null> {
  const seen = await findClaim(db, claimId)
  if (!seen || !sees(viewer, seen)) throw notFound('Claim')
  return inTransaction(db, async (tx) => {
    const order = await findOrder(tx, seen.orderId, true)
    const claim = await findClaim(tx, claimId, true)
    if (!order || !claim) throw notFound('Claim')
    if (onlyIfAllowed) {
      try {
        claimTransition(claim.status, step.action, actorOf(viewer))
      } catch (err) {
        if (err instanceof ClaimTransitionError) return null
        throw err
      }
    }
    return applyStep(tx, viewer, claim, order, step, at)
  })
}
