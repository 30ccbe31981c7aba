/**
 * The farmer side's API shapes: listings, stock, uploads, invites and the manager's review queue.
 * TypeBox schemas (validation, serialisation, OpenAPI); the mini-program imports the types only.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LIMITS } from '@domain/limits'
import { PRODUCT_STATUSES, REVIEW_STATUSES } from '@domain/products'
import { Id, Unit } from './catalog'
import { literalUnion } from './literals'

const Day = Type.String({ format: 'date', description: 'Calendar date in China, YYYY-MM-DD' })
/** A media key as the upload API hands it out (`u/…`), or one of the demo photos. */
export const MediaKey = Type.String({ minLength: 1, maxLength: LIMITS.mediaKeyMax, pattern: '^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*$' })
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max })

export const ReviewStatus = literalUnion(REVIEW_STATUSES)
export const ListingStatus = literalUnion(PRODUCT_STATUSES)

export const SpecInput = Type.Object(
  {
    /** An existing spec of this product (on update); absent for a new spec. */
    id: Type.Optional(Id),
    name: Text(LIMITS.specNameMax),
    priceFen: Type.Integer({ minimum: 1, maximum: LIMITS.priceFenMax }),
    unit: Type.Optional(Unit),
    netWeightG: Type.Integer({ minimum: 1, maximum: LIMITS.netWeightGMax }),
    /**
     * The packed parcel's weight per unit for freight, packaging included (grams, not below
     * `netWeightG`); null: the net weight. Absent on update: unchanged.
     */
    parcelWeightG: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: LIMITS.netWeightGMax }), Type.Null()])),
    stock: Type.Integer({ minimum: 0, maximum: LIMITS.stockMax }),
    /**
     * On update, the stock the form showed when it loaded this spec. The stock then moves by
     * `stock − stockWas` (never below 0), so what buyers ordered meanwhile stays sold; without
     * it the stock is set to `stock`.
     */
    stockWas: Type.Optional(Type.Integer({ minimum: 0, maximum: LIMITS.stockMax })),
  },
  { additionalProperties: false },
)

export const ListingInput = Type.Object(
  {
    title: Text(LIMITS.titleMax),
    description: Type.Optional(Text(LIMITS.descriptionMax, 0)),
    categoryId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' }),
    /** Defaults to the farmer's village. */
    origin: Type.Optional(Text(LIMITS.originMax)),
    photos: Type.Array(MediaKey, { minItems: LIMITS.photosMin, maxItems: LIMITS.photosMax }),
    harvestStart: Day,
    harvestEnd: Day,
    /** Pre-sale: orders placed before this date ship from it. */
    shipsFrom: Type.Optional(Type.Union([Day, Type.Null()])),
    specs: Type.Array(SpecInput, { minItems: LIMITS.specsMin, maxItems: LIMITS.specsMax }),
  },
  { additionalProperties: false },
)

export const ListingSpec = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  priceFen: Type.Integer(),
  unit: Unit,
  netWeightG: Type.Integer(),
  /** The parcel's weight per unit for freight (packaging included); null: the net weight. */
  parcelWeightG: Type.Union([Type.Integer(), Type.Null()]),
  stock: Type.Integer(),
})

export const ListingPhoto = Type.Object({ key: Type.String(), url: Type.String(), thumbUrl: Type.String() })

export const Listing = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  categoryId: Type.String(),
  origin: Type.String(),
  photos: Type.Array(ListingPhoto),
  harvestStart: Day,
  harvestEnd: Day,
  shipsFrom: Type.Union([Day, Type.Null()]),
  status: ListingStatus,
  reviewStatus: ReviewStatus,
  /** Why it waits or was refused (shown to the farmer). */
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  /** Ordered at least once: it can be paused but not deleted. */
  hasOrders: Type.Boolean(),
  specs: Type.Array(ListingSpec),
  updatedAt: Type.String({ format: 'date-time' }),
})

export const ListingPage = Type.Object({ items: Type.Array(Listing), nextCursor: Type.Union([Type.String(), Type.Null()]) })

export const ListingQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.cursorMax })),
  },
  { additionalProperties: false },
)

/** Where a save landed: published, waiting for the manager, or (only via 422) refused. */
export const ListingSaved = Type.Object({
  listing: Listing,
  /** `pass` published; `review` waits for the manager; `unavailable` the check could not run, so it waits too. */
  check: Type.Union([Type.Literal('pass'), Type.Literal('review'), Type.Literal('unavailable')]),
})

export const StockDelta = Type.Object(
  { delta: Type.Integer({ minimum: -LIMITS.stockMax, maximum: LIMITS.stockMax, not: { const: 0 } }) },
  { additionalProperties: false },
)
export const StockResult = Type.Object({ specId: Type.Integer(), stock: Type.Integer(), productStatus: ListingStatus })

export const ReviewDecision = Type.Object({ note: Type.Optional(Text(LIMITS.reviewNoteMax, 0)) }, { additionalProperties: false })
export const ReviewItem = Type.Object({
  ...Listing.properties,
  farmer: Type.Object({ id: Type.Integer(), name: Type.String(), village: Type.String() }),
})
export const ReviewList = Type.Object({ items: Type.Array(ReviewItem) })
export const ProductIdParams = Type.Object({ productId: Id }, { additionalProperties: false })

export const UploadResult = Type.Object({
  key: Type.String(),
  url: Type.String(),
  thumbUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
})

export const InviteCreate = Type.Object({ cooperativeId: Type.Optional(Id) }, { additionalProperties: false })
export const InviteCreated = Type.Object({
  code: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  /** Page path a WeChat share card or mini-program code opens. */
  sharePath: Type.String(),
})
export const InviteSummary = Type.Object({
  code: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('valid'), Type.Literal('used'), Type.Literal('expired')]),
})
export const InviteList = Type.Object({ items: Type.Array(InviteSummary) })
export const InviteCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }, { additionalProperties: false })
export const InviteInfo = Type.Object({
  ...InviteSummary.properties,
  cooperative: Type.Object({ id: Type.Integer(), name: Type.String(), county: Type.String(), province: Type.String() }),
})
export const InviteAccept = Type.Object(
  {
    name: Text(LIMITS.farmerNameMax),
    village: Text(LIMITS.villageMax),
    story: Type.Optional(Text(LIMITS.storyMax, 0)),
    photoKey: Type.Optional(MediaKey),
  },
  { additionalProperties: false },
)

export type ListingInputDto = Static<typeof ListingInput>
export type ListingDto = Static<typeof Listing>
export type ListingSpecDto = Static<typeof ListingSpec>
export type ListingPageDto = Static<typeof ListingPage>
export type ListingSavedDto = Static<typeof ListingSaved>
export type ReviewStatusDto = Static<typeof ReviewStatus>
export type StockResultDto = Static<typeof StockResult>
export type ReviewItemDto = Static<typeof ReviewItem>
export type UploadResultDto = Static<typeof UploadResult>
export type InviteCreatedDto = Static<typeof InviteCreated>
export type InviteSummaryDto = Static<typeof InviteSummary>
export type InviteInfoDto = Static<typeof InviteInfo>
export type InviteAcceptDto = Static<typeof InviteAccept>
