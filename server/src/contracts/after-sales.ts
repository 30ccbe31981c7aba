/**
 * After-sales API (售后 claims and the refund ledger as each side sees it): TypeBox schemas,
 * shared with the mini-program through `import type`. Amounts are integer fen. A claim line's
 * `affected` (and `ordered`) is in its `measure`: `g` grams (any line: every spec has a net
 * weight; the only measure for 斤/kg lines) or `unit` whole units (箱/个 lines only).
 *
 *   buyer   POST /api/v1/orders/:id/claims            (Idempotency-Key)  → Claim
 *           GET  /api/v1/orders/:id/claims                              → ClaimList (this order's)
 *           GET  /api/v1/claims/:id                                     → Claim
 *           POST /api/v1/claims/:id/accept-offer | /ask-cooperative | /withdraw
 *   farmer  GET  /api/v1/farmer/claims?status=&cursor=&limit=           → ClaimPage
 *           GET  /api/v1/farmer/claims/:id                              → Claim
 *           POST /api/v1/farmer/claims/:id/accept | /offer {amountFen, note} | /contest {note}
 *   manager GET  /api/v1/coop/claims?status=&cursor=&limit=             → ClaimPage
 *           GET  /api/v1/coop/claims/:id                                → Claim
 *           POST /api/v1/coop/claims/:id/decide {amountFen, borneBy, note}
 *           GET  /api/v1/coop/refunds/attention                         → RefundAttentionList
 *           POST /api/v1/coop/refunds/:id/resolve {note}                → RefundAttention
 * A claim of someone else's (another buyer's, another farmer's, another cooperative's) is 404.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { CLAIM_MAX_PHOTOS, CLAIM_MEASURES, CLAIM_REASONS, CLAIM_STATUSES } from '@domain/claim-states'
import { REFUND_BEARERS, REFUND_KINDS, REFUND_STATUSES } from '@domain/payment-states'
import { Id, Unit } from './catalog'
import { MediaKey } from './farmer-listings'
import { literalUnion } from './literals'

const Timestamp = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000 })
const Note = Type.String({ maxLength: 200 })

export const ClaimStatus = literalUnion(CLAIM_STATUSES)
export const ClaimReason = literalUnion(CLAIM_REASONS)
export const ClaimMeasure = literalUnion(CLAIM_MEASURES)
export const RefundKind = literalUnion(REFUND_KINDS)
export const RefundStatus = literalUnion(REFUND_STATUSES)
export const RefundBearer = literalUnion(REFUND_BEARERS)

export const ClaimBody = Type.Object(
  {
    reason: ClaimReason,
    note: Type.Optional(Note),
    photos: Type.Array(MediaKey, { maxItems: CLAIM_MAX_PHOTOS }),
    lines: Type.Array(
      Type.Object(
        {
          orderItemId: Id,
          affected: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
          /** Default: `g` for 斤/kg lines, `unit` for 箱/个; `unit` on a 斤/kg line is INVALID_CLAIM_LINE. */
          measure: Type.Optional(ClaimMeasure),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
)

export const OfferBody = Type.Object({ amountFen: Fen, note: Type.Optional(Note) }, { additionalProperties: false })
export const ContestBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false })
export const DecideBody = Type.Object({ amountFen: Fen, borneBy: RefundBearer, note: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false })
export const ResolveBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false })

export const ClaimListQuery = Type.Object(
  {
    status: Type.Optional(ClaimStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
)

export const ClaimLine = Type.Object({
  orderItemId: Type.Integer(),
  title: Type.String(),
  specName: Type.String(),
  unit: Unit,
  quantity: Type.Integer(),
  /** How `ordered` and `affected` are measured: grams, or whole units of a 箱/个 line. */
  measure: ClaimMeasure,
  /** What was ordered in the line's measure: net weight × quantity in grams, or the quantity. */
  ordered: Type.Integer(),
  affected: Type.Integer(),
  lineTotalFen: Type.Integer(),
  suggestedFen: Type.Integer(),
})

export const ClaimRefund = Type.Object({ status: RefundStatus, amountFen: Type.Integer(), borneBy: RefundBearer })

export const Claim = Type.Object({
  id: Type.Integer(),
  orderId: Type.Integer(),
  orderNo: Type.String(),
  status: ClaimStatus,
  reason: ClaimReason,
  note: Type.String(),
  photos: Type.Array(Type.Object({ key: Type.String(), url: Type.String(), thumbUrl: Type.String() })),
  lines: Type.Array(ClaimLine),
  /** What the buyer paid for the order, and what of it is still refundable. */
  paidFen: Type.Integer(),
  refundableFen: Type.Integer(),
  suggestedFen: Type.Integer(),
  offeredFen: Nullable(Type.Integer()),
  farmerNote: Nullable(Type.String()),
  settledFen: Nullable(Type.Integer()),
  borneBy: Nullable(RefundBearer),
  managerNote: Nullable(Type.String()),
  farmer: Type.Object({ id: Type.Integer(), name: Type.String(), village: Type.String() }),
  /** The farmer answers before this; then it goes to the cooperative. */
  farmerDeadline: Timestamp,
  refund: Nullable(ClaimRefund),
  /** What the viewer may do now (claimActionsFor for their side). */
  actions: Type.Array(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

export const ClaimList = Type.Object({ items: Type.Array(Claim) })
export const ClaimPage = Type.Object({ items: Type.Array(Claim), nextCursor: Nullable(Type.String()) })

/** A refund as the order detail lists it (every entry of the order's refund ledger). */
export const OrderRefund = Type.Object({
  kind: RefundKind,
  status: RefundStatus,
  amountFen: Type.Integer(),
  reason: Type.String(),
  createdAt: Timestamp,
  succeededAt: Nullable(Timestamp),
})

/** An abnormal or failed refund the cooperative must deal with. */
export const RefundAttention = Type.Object({
  id: Type.Integer(),
  orderId: Type.Integer(),
  orderNo: Type.String(),
  outRefundNo: Type.String(),
  kind: RefundKind,
  status: RefundStatus,
  amountFen: Type.Integer(),
  farmerName: Type.String(),
  failureReason: Nullable(Type.String()),
  /** In Chinese: what the manager should do (WeChat's merchant platform, an offline transfer). */
  whatToDo: Type.String(),
  resolvedAt: Nullable(Timestamp),
  resolvedNote: Nullable(Type.String()),
  createdAt: Timestamp,
})
export const RefundAttentionList = Type.Object({ items: Type.Array(RefundAttention) })

export type ClaimBodyDto = Static<typeof ClaimBody>
export type OfferBodyDto = Static<typeof OfferBody>
export type DecideBodyDto = Static<typeof DecideBody>
export type ClaimDto = Static<typeof Claim>
export type ClaimLineDto = Static<typeof ClaimLine>
export type ClaimPageDto = Static<typeof ClaimPage>
export type OrderRefundDto = Static<typeof OrderRefund>
export type RefundAttentionDto = Static<typeof RefundAttention>
