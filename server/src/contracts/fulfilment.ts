/**
 * The farmer's fulfilment API (orders to ship, shipping, packing list, home figures): TypeBox
 * schemas, shared with the mini-program through `import type`. Amounts are integer fen.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { COURIER_CODES, TRACKING_NO_PATTERN } from '@domain/couriers'
import { FARMER_ORDER_STATUSES } from '@domain/order-states'
import { MAX_PACKED_G } from '@domain/packed-weight'
import { SHIPPING_SYNC_STATUSES } from '@domain/shipping'
import { Id, Unit } from './catalog'
import { literalUnion } from './literals'
import { OrderItem, OrderStatus } from './orders'

const Timestamp = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

export const FarmerOrderStatus = literalUnion(FARMER_ORDER_STATUSES)

export const FarmerOrderQuery = Type.Object(
  {
    status: Type.Optional(FarmerOrderStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Just these orders, e.g. "12,15" (the ship page); status and cursor are then ignored. */
    ids: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}(,[0-9]{1,15}){0,49}$' })),
  },
  { additionalProperties: false },
)

export const ShippingSync = literalUnion(SHIPPING_SYNC_STATUSES)

export const FarmerOrder = Type.Object({
  id: Type.Integer(),
  orderNo: Type.String(),
  status: FarmerOrderStatus,
  items: Type.Array(OrderItem),
  address: Type.Object({
    name: Type.String(),
    phone: Type.String(),
    /** Province, city, district and street in one line, as written on a parcel. */
    full: Type.String(),
    postalCode: Nullable(Type.String()),
  }),
  note: Type.String(),
  itemsFen: Type.Integer(),
  shippingFen: Type.Integer(),
  totalFen: Type.Integer(),
  createdAt: Timestamp,
  paidAt: Nullable(Timestamp),
  shippedAt: Nullable(Timestamp),
  carrier: Nullable(Type.String()),
  trackingNo: Nullable(Type.String()),
  /** Whether WeChat has the shipping info (order shipping management); null before shipping. */
  wechatSync: Type.Union([ShippingSync, Type.Null()]),
})

export const FarmerOrderPage = Type.Object({ items: Type.Array(FarmerOrder), nextCursor: Nullable(Type.String()) })

export const Carrier = literalUnion(COURIER_CODES)

export const PackedWeight = Type.Object(
  { orderItemId: Id, packedWeightG: Type.Integer({ minimum: 1, maximum: MAX_PACKED_G }) },
  { additionalProperties: false },
)

export const ShipBody = Type.Object(
  {
    orders: Type.Array(
      Type.Object(
        {
          orderId: Id,
          carrier: Carrier,
          trackingNo: Type.String({ pattern: TRACKING_NO_PATTERN }),
          /** What was packed, per line sold by weight (斤/kg), in grams; a line left out ships as ordered. */
          packed: Type.Optional(Type.Array(PackedWeight, { maxItems: 50 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
)

export const ShipOutcome = Type.Object({
  orderId: Type.Integer(),
  ok: Type.Boolean(),
  /** The order's status after the attempt (null when it is not this farmer's order). */
  status: Nullable(OrderStatus),
  carrier: Nullable(Type.String()),
  trackingNo: Nullable(Type.String()),
  /** Why this order was not shipped: the HTTP status it would have had on its own, and the code. */
  error: Type.Union([Type.Object({ status: Type.Integer(), code: Type.String(), message: Type.String() }), Type.Null()]),
})

export const ShipResult = Type.Object({ results: Type.Array(ShipOutcome) })

export const PackingQuery = Type.Object(
  { date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'China date, YYYY-MM-DD; today by default' })) },
  { additionalProperties: false },
)

export const PackingLine = Type.Object({
  specId: Type.Integer(),
  productId: Type.Integer(),
  title: Type.String(),
  specName: Type.String(),
  unit: Unit,
  quantity: Type.Integer(),
  /** Orders with this spec. */
  orders: Type.Integer(),
  netWeightKg: Type.Number(),
})

export const PackingList = Type.Object({
  date: Type.String(),
  ordersCount: Type.Integer(),
  lines: Type.Array(PackingLine),
  totalNetWeightKg: Type.Number(),
})

export const FarmerHome = Type.Object({
  /** ISO week in China, e.g. 2026-W48, with its first and last days. */
  week: Type.String(),
  weekFirstDay: Type.String(),
  weekLastDay: Type.String(),
  /** Orders paid this week, not refunded. */
  ordersCount: Type.Integer(),
  /** Paid this week minus refunded this week (fen). */
  revenueFen: Type.Integer(),
  quantities: Type.Array(Type.Object({ unit: Unit, quantity: Type.Integer() })),
  toShipCount: Type.Integer(),
  lowStock: Type.Array(
    Type.Object({ specId: Type.Integer(), productId: Type.Integer(), title: Type.String(), specName: Type.String(), unit: Unit, stock: Type.Integer() }),
  ),
})

export type FarmerOrderStatusDto = Static<typeof FarmerOrderStatus>
export type FarmerOrderDto = Static<typeof FarmerOrder>
export type FarmerOrderPageDto = Static<typeof FarmerOrderPage>
export type ShipOutcomeDto = Static<typeof ShipOutcome>
export type ShipBodyDto = Static<typeof ShipBody>
export type PackedWeightDto = Static<typeof PackedWeight>
export type ShipResultDto = Static<typeof ShipResult>
export type PackingListDto = Static<typeof PackingList>
export type FarmerHomeDto = Static<typeof FarmerHome>
