/**
 * After-sale claims (售后): one table of allowed steps, who may take each, like order-states.ts.
 *
 *   open      → accepted   farmer accepts the suggested amount            (refund, the farmer bears it)
 *   open      → offered    farmer offers another amount
 *   open      → escalated  farmer contests with a note, or no answer in 24 h (system)
 *   offered   → accepted   buyer accepts the offer                         (refund, the farmer bears it)
 *   offered   → escalated  buyer asks the cooperative
 *   escalated → decided    the cooperative's manager decides an amount (0 = refused) and who bears it
 *   open | offered → withdrawn   the buyer withdraws the claim
 *
 * accepted, decided and withdrawn are final. A claim's refund is one entry of the order's refund
 * ledger (kind after_sale), made in the same transaction as the step that settles the amount.
 */

export const CLAIM_STATUSES = ['open', 'offered', 'escalated', 'accepted', 'decided', 'withdrawn'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const CLAIM_REASONS = ['damaged', 'short_weight', 'wrong_item', 'not_received', 'other'] as const
export type ClaimReason = (typeof CLAIM_REASONS)[number]

export const CLAIM_REASON_LABELS: Record<ClaimReason, string> = {
  damaged: '坏果/破损',
  short_weight: '少斤',
  wrong_item: '错发',
  not_received: '未收到',
  other: '其他',
}

export type ClaimActor = 'buyer' | 'farmer' | 'manager' | 'system'

export type ClaimAction = 'accept' | 'offer' | 'contest' | 'time_out' | 'accept_offer' | 'ask_cooperative' | 'decide' | 'withdraw'

interface ClaimRule {
  from: readonly ClaimStatus[]
  to: ClaimStatus
  actors: readonly ClaimActor[]
}

export const CLAIM_TRANSITIONS: Record<ClaimAction, ClaimRule> = {
  accept: { from: ['open'], to: 'accepted', actors: ['farmer'] },
  offer: { from: ['open'], to: 'offered', actors: ['farmer'] },
  contest: { from: ['open'], to: 'escalated', actors: ['farmer'] },
  time_out: { from: ['open'], to: 'escalated', actors: ['system'] },
  accept_offer: { from: ['offered'], to: 'accepted', actors: ['buyer'] },
  ask_cooperative: { from: ['offered'], to: 'escalated', actors: ['buyer'] },
  decide: { from: ['escalated'], to: 'decided', actors: ['manager'] },
  withdraw: { from: ['open', 'offered'], to: 'withdrawn', actors: ['buyer'] },
}

export const CLAIM_FINAL: readonly ClaimStatus[] = ['accepted', 'decided', 'withdrawn']

export const isClaimOpen = (status: ClaimStatus): boolean => !CLAIM_FINAL.includes(status)

export class ClaimTransitionError extends Error {
  constructor(
    public readonly action: ClaimAction,
    public readonly status: ClaimStatus,
    public readonly actor: ClaimActor,
  ) {
    super(`cannot ${action} a claim that is ${status} (as ${actor})`)
  }
}

/** The status after `action`, or a ClaimTransitionError when the table does not allow it. */
export function claimTransition(status: ClaimStatus, action: ClaimAction, actor: ClaimActor): ClaimStatus {
  const rule = CLAIM_TRANSITIONS[action]
  if (!rule.from.includes(status) || !rule.actors.includes(actor)) throw new ClaimTransitionError(action, status, actor)
  return rule.to
}

const CLAIM_ACTIONS = Object.keys(CLAIM_TRANSITIONS) as ClaimAction[]

/** What `actor` may do to a claim in `status` now (the buttons each side sees). */
export function claimActionsFor(status: ClaimStatus, actor: ClaimActor): ClaimAction[] {
  return CLAIM_ACTIONS.filter((a) => CLAIM_TRANSITIONS[a].from.includes(status) && CLAIM_TRANSITIONS[a].actors.includes(actor))
}

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  open: '待农户处理',
  offered: '农户已提出金额',
  escalated: '合作社处理中',
  accepted: '已同意退款',
  decided: '合作社已裁定',
  withdrawn: '已撤回',
}

/**
 * How much of a line a claim covers: in grams (`g`, any line: every spec has a net weight — "3
 * bruised apples" of a 10斤 box are about 1斤) or in whole units (`unit`, 箱/个 lines only).
 */
export const CLAIM_MEASURES = ['g', 'unit'] as const
export type ClaimMeasure = (typeof CLAIM_MEASURES)[number]

/** The buyer may file a claim from receipt (or shipping) until this long after receipt. */
export const CLAIM_WINDOW_HOURS = 48
/** The farmer answers within this long, or the claim goes to the cooperative by itself. */
export const FARMER_ANSWER_HOURS = 24
/** At most this many photos per claim. */
export const CLAIM_MAX_PHOTOS = 6

/**
 * The refund a claim suggests for one line: the affected share of what the buyer paid for it,
 * rounded down to the fen. `affected` and `ordered` are in the same measure (grams for goods sold
 * by weight, units otherwise); the share is capped at the whole line.
 */
export function suggestedLineRefundFen(lineTotalFen: number, affected: number, ordered: number): number {
  if (!Number.isSafeInteger(lineTotalFen) || lineTotalFen < 0) throw new RangeError('line total must be non-negative fen')
  if (!Number.isSafeInteger(affected) || affected < 0 || !Number.isSafeInteger(ordered) || ordered <= 0) throw new RangeError('affected and ordered must be whole amounts')
  const share = Math.min(affected, ordered)
  const scaled = lineTotalFen * share
  if (!Number.isSafeInteger(scaled)) throw new RangeError('refund share overflows')
  return (scaled - (scaled % ordered)) / ordered
}

/**
 * Catch-weight: what a line packed short gives back. `orderedG` is the weight ordered (net weight
 * per unit × quantity), `packedG` what the farmer packed. A shortfall within the tolerance (2 % of
 * the ordered weight, at least 25 g: scales and moisture) gives nothing back; beyond it the whole
 * shortfall is refunded at the line's price per gram, rounded down to the fen. More than ordered
 * is never charged.
 */
export const PACKED_TOLERANCE = { ratio: 0.02, minG: 25 } as const

export function weightShortfallRefundFen(lineTotalFen: number, orderedG: number, packedG: number): number {
  if (!Number.isSafeInteger(orderedG) || orderedG <= 0 || !Number.isSafeInteger(packedG) || packedG < 0) throw new RangeError('weights must be whole grams')
  const shortG = orderedG - packedG
  const toleranceG = Math.max(PACKED_TOLERANCE.minG, Math.floor(orderedG * PACKED_TOLERANCE.ratio))
  if (shortG <= toleranceG) return 0
  return suggestedLineRefundFen(lineTotalFen, shortG, orderedG)
}
