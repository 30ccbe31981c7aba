/**
 * Freight API (运费模板, 发货地, 不发货地区) and the parcel trail: TypeBox schemas shared with the
 * mini-program through `import type`. Amounts are integer fen; `firstUnits`/`stepUnits` are grams
 * for a `weight` template and pieces for a `piece` one.
 *
 *   manager GET  /api/v1/coop/freight-template                → FreightTemplate | null (the cooperative's default)
 *           PUT  /api/v1/coop/freight-template  FreightTemplateBody → FreightTemplate
 *           GET  /api/v1/coop/settings                        → CoopSettings (service phone)
 *           PUT  /api/v1/coop/settings          CoopSettingsBody    → CoopSettings (service phone)
 *   farmer  GET  /api/v1/farmer/freight-template               → FarmerFreight (which applies, and why)
 *           PUT  /api/v1/farmer/freight-template FreightTemplateBody → FarmerFreight (own override)
 *           DELETE /api/v1/farmer/freight-template             → FarmerFreight (back to the cooperative's)
 *   public  product detail carries `shipping: ProductShipping`
 *   buyer   POST /api/v1/checkout/preview {items, addressId?} → each group's `freight: GroupFreight`;
 *           a line a parcel cannot bring to the address's province has problem NOT_SERVED, and placing
 *           it is refused with PROVINCE_NOT_SERVED (the same reason), nothing reserved
 *           GET  /api/v1/orders/:id/tracking                  → ParcelTrail
 * Another cooperative's template is 404.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { FREIGHT_BASES } from '@domain/freight'
import { TRACKING_STATES } from '@domain/tracking'
import { literalUnion } from './literals'

const Timestamp = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Fen = Type.Integer({ minimum: 0, maximum: 10_000_000 })
/** A province (or autonomous region / municipality) by its full name, e.g. 广东省, 新疆维吾尔自治区. */
const Province = Type.String({ minLength: 2, maxLength: 12 })

export const FreightBasis = literalUnion(FREIGHT_BASES)

export const FreightZone = Type.Object(
  {
    /** Empty: every province no other zone names (the template needs exactly one such zone). */
    provinces: Type.Array(Province, { maxItems: 34, uniqueItems: true }),
    firstUnits: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    firstFeeFen: Fen,
    stepUnits: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    stepFeeFen: Fen,
  },
  { additionalProperties: false },
)

export const FreightTemplateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30 }),
    basis: FreightBasis,
    zones: Type.Array(FreightZone, { minItems: 1, maxItems: 20 }),
    freeFromFen: Nullable(Fen),
    notServed: Type.Array(Province, { maxItems: 34, uniqueItems: true }),
    shipsFrom: Type.String({ maxLength: 40 }),
  },
  { additionalProperties: false },
)

export const FreightTemplate = Type.Object({
  id: Type.Integer(),
  ...FreightTemplateBody.properties,
  /** null: the cooperative's default; else the farmer it belongs to. */
  farmerId: Nullable(Type.Integer()),
  updatedAt: Timestamp,
})

/** Optional on the manager's routes: a manager may only name their own cooperative (anything else is a 404). */
export const CoopFreightQuery = Type.Object(
  { cooperativeId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })) },
  { additionalProperties: false },
)

export const FarmerFreight = Type.Object({
  /** The template that prices this farmer's orders now (own, else the cooperative's), or null: 包邮. */
  applies: Nullable(FreightTemplate),
  source: Type.Union([Type.Literal('own'), Type.Literal('cooperative'), Type.Literal('none')]),
  cooperativeDefault: Nullable(FreightTemplate),
})

export const CoopSettingsBody = Type.Object(
  { servicePhone: Nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })) },
  { additionalProperties: false },
)
export const CoopSettings = Type.Object({ servicePhone: Nullable(Type.String()) })
/** `?cooperativeId=` on the settings routes: when given it must be the manager's own (else 404). */
export const CoopSettingsQuery = Type.Object({ cooperativeId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })) }, { additionalProperties: false })

/** What the product page says about shipping. */
export const ProductShipping = Type.Object({
  shipsFrom: Type.String(),
  notServed: Type.Array(Type.String()),
  freeFromFen: Nullable(Type.Integer()),
  /** The cooperative's service phone (联系客服 on H5), or null. */
  servicePhone: Nullable(Type.String()),
})

/** How a farmer's shipping fee in a checkout preview was worked out, in words and figures. */
export const GroupFreight = Type.Object({
  /** The address's province, or null when the preview has no address (then the fee is the fallback zone's). */
  province: Nullable(Type.String()),
  /** grams (weight) or pieces (piece) the fee was computed on. */
  units: Type.Integer(),
  basis: FreightBasis,
  feeFen: Type.Integer(),
  freeFromFen: Nullable(Type.Integer()),
  /** In Chinese, e.g. "广东省 · 首重1kg ¥10.00，续重每1kg ¥5.00 · 共5kg" or "满¥99.00包邮". */
  explanation: Type.String(),
  /** True when this province is not served: the group cannot be ordered to this address. */
  notServed: Type.Boolean(),
})

export const ParcelTrail = Type.Object({
  carrier: Type.String(),
  carrierName: Type.String(),
  trackingNo: Type.String(),
  state: literalUnion(TRACKING_STATES),
  /** Oldest first. */
  events: Type.Array(Type.Object({ at: Timestamp, state: literalUnion(TRACKING_STATES), text: Type.String() })),
  fetchedAt: Timestamp,
  /** In Chinese, why the trail is missing or old (no provider, courier not answering); null when it is the courier's fresh answer. */
  reason: Nullable(Type.String()),
})

export type FreightZoneDto = Static<typeof FreightZone>
export type FreightTemplateBodyDto = Static<typeof FreightTemplateBody>
export type FreightTemplateDto = Static<typeof FreightTemplate>
export type FarmerFreightDto = Static<typeof FarmerFreight>
export type CoopSettingsDto = Static<typeof CoopSettings>
export type ProductShippingDto = Static<typeof ProductShipping>
export type GroupFreightDto = Static<typeof GroupFreight>
export type ParcelTrailDto = Static<typeof ParcelTrail>
