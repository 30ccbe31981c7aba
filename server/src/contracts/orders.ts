/**
 * Cart, checkout, orders and payment API shapes (TypeBox), shared with the mini-program
 * through `import type`. Every amount is integer fen computed by the server.
 */
import { Type, type Static } from '@sinclair/typebox'
import { ORDER_STATUSES } from '@domain/order-states'
import { REFUND_STATUSES } from '@domain/payment-states'
import { OrderRefund } from './after-sales'
import { GroupFreight } from './freight'
import { Id, Photo, Unit } from './catalog'
import { literalUnion } from './literals'

const Timestamp = Type.String({ format: 'date-time' })
const NullableTimestamp = Type.Union([Timestamp, Type.Null()])

export const OrderStatus = literalUnion(ORDER_STATUSES)

export const CartLine = Type.Object(
  { specId: Id, quantity: Type.Integer({ minimum: 1, maximum: 999 }) },
  { additionalProperties: false },
)
export const CartLines = Type.Array(CartLine, { minItems: 1, maxItems: 50 })

// ------------------------------------------------------------------ addresses
const text = (max: number) => Type.String({ minLength: 1, maxLength: max })
export const AddressInput = Type.Object(
  {
    name: text(20),
    phone: Type.String({ pattern: '^[0-9+\\- ]{5,20}$' }),
    province: text(20),
    city: text(20),
    district: text(20),
    detail: text(120),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export const Address = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  phone: Type.String(),
  province: Type.String(),
  city: Type.String(),
  district: Type.String(),
  detail: Type.String(),
  postalCode: Type.Union([Type.String(), Type.Null()]),
  isDefault: Type.Boolean(),
})
export const AddressList = Type.Object({ items: Type.Array(Address) })

// ------------------------------------------------------------------ checkout preview
export const PreviewBody = Type.Object(
  {
    items: CartLines,
    /** One of the buyer's addresses: fees by its province, and lines that cannot ship there (NOT_SERVED). */
    addressId: Type.Optional(Id),
  },
  { additionalProperties: false },
)

export const LineProblem = Type.Union([
  Type.Literal('SOLD_OUT'),
  Type.Literal('INSUFFICIENT_STOCK'),
  Type.Literal('UNAVAILABLE'),
  /** The farmer's parcels do not go to the address's province (placing it: PROVINCE_NOT_SERVED). */
  Type.Literal('NOT_SERVED'),
])

/** What a line of a cart preview and of a placed order both say: the spec, its price then, how many. */
const LineFields = {
  specId: Type.Integer(),
  productId: Type.Integer(),
  title: Type.String(),
  specName: Type.String(),
  unit: Unit,
  netWeightG: Type.Integer(),
  unitPriceFen: Type.Integer(),
  quantity: Type.Integer(),
  lineTotalFen: Type.Integer(),
}

export const PreviewLine = Type.Object({
  ...LineFields,
  stock: Type.Integer(),
  cover: Type.Union([Photo, Type.Null()]),
  /** Set when this line cannot be ordered as asked. */
  problem: Type.Union([LineProblem, Type.Null()]),
})

export const FarmerRef = Type.Object({ id: Type.Integer(), name: Type.String(), village: Type.String() })

export const PreviewGroup = Type.Object({
  farmer: FarmerRef,
  lines: Type.Array(PreviewLine),
  itemsFen: Type.Integer(),
  shippingFen: Type.Integer(),
  totalFen: Type.Integer(),
  /** Kept for older clients: `feeFen` is this parcel's fee by the template before free-from, `freeFromFen` the template's. */
  shippingRule: Type.Object({ feeFen: Type.Integer(), freeFromFen: Type.Union([Type.Integer(), Type.Null()]) }),
  /** How `shippingFen` was worked out: the template, the province and the parcel's weight or pieces. */
  freight: GroupFreight,
})

export const CheckoutPreview = Type.Object({
  groups: Type.Array(PreviewGroup),
  itemsFen: Type.Integer(),
  shippingFen: Type.Integer(),
  totalFen: Type.Integer(),
  /** True when every line can be ordered as asked. */
  orderable: Type.Boolean(),
})

// ------------------------------------------------------------------ orders
export const PlaceOrderBody = Type.Object(
  {
    items: CartLines,
    addressId: Id,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
})

export const OrderItem = Type.Object({
  ...LineFields,
  /** The order line's id (ship body's packed weights, after-sale claim lines). */
  id: Type.Integer(),
  /** What the farmer packed for the whole line, in grams (斤/kg lines); null: as ordered. */
  packedWeightG: Type.Union([Type.Integer(), Type.Null()]),
})

export const OrderSummary = Type.Object({
  id: Type.Integer(),
  orderNo: Type.String(),
  checkoutId: Type.Integer(),
  status: OrderStatus,
  farmer: FarmerRef,
  items: Type.Array(OrderItem),
  itemsFen: Type.Integer(),
  shippingFen: Type.Integer(),
  totalFen: Type.Integer(),
  carrier: Type.Union([Type.String(), Type.Null()]),
  trackingNo: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  paidAt: NullableTimestamp,
  shippedAt: NullableTimestamp,
})

export const OrderEvent = Type.Object({
  fromStatus: Type.Union([OrderStatus, Type.Null()]),
  toStatus: OrderStatus,
  actor: Type.String(),
  reason: Type.String(),
  /** A step that is not a status change (from = to), e.g. `claim.opened`; null for a transition. */
  event: Type.Union([Type.String(), Type.Null()]),
  at: Timestamp,
})

export const OrderDetail = Type.Object({
  ...OrderSummary.properties,
  address: Type.Object({
    name: Type.String(),
    phone: Type.String(),
    province: Type.String(),
    city: Type.String(),
    district: Type.String(),
    detail: Type.String(),
  }),
  note: Type.String(),
  events: Type.Array(OrderEvent),
  /** Every refund of the order (its refund ledger), oldest first. */
  refunds: Type.Array(OrderRefund),
  /** The phone of the order farmer's cooperative (联系客服 on H5), or null when it has none. */
  servicePhone: Type.Union([Type.String(), Type.Null()]),
  /** The latest of `refunds` (kept for older clients). */
  refund: Type.Union([
    Type.Object({ status: literalUnion(REFUND_STATUSES), amountFen: Type.Integer() }),
    Type.Null(),
  ]),
})

export const OrderTab = literalUnion(ORDER_STATUSES)

export const OrderListQuery = Type.Object(
  {
    status: Type.Optional(OrderTab),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
)
export const OrderPage = Type.Object({ items: Type.Array(OrderSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) })

export const Checkout = Type.Object({
  id: Type.Integer(),
  checkoutNo: Type.String(),
  totalFen: Type.Integer(),
  expiresAt: Timestamp,
  orders: Type.Array(OrderSummary),
})

export const CancelBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 80 })) }, { additionalProperties: false })

// ------------------------------------------------------------------ payment
export const RequestPaymentParams = Type.Object({
  timeStamp: Type.String(),
  nonceStr: Type.String(),
  package: Type.String(),
  signType: Type.Literal('RSA'),
  paySign: Type.String(),
})

export const PayResult = Type.Object({
  outTradeNo: Type.String(),
  amountFen: Type.Integer(),
  /** Pass to Taro.requestPayment (weapp). */
  requestPayment: RequestPaymentParams,
  /** Sandbox only: the cashier page that plays the user paying (H5). */
  sandboxCashierUrl: Type.Union([Type.String(), Type.Null()]),
})

// ------------------------------------------------------------------ subscribe messages
export const SubscribeAnswer = Type.Union([Type.Literal('accept'), Type.Literal('reject'), Type.Literal('ban'), Type.Literal('filter')])
export const SubscribeBody = Type.Object(
  { answers: Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), SubscribeAnswer, { maxProperties: 5 }) },
  { additionalProperties: false },
)
export const SubscribeTemplates = Type.Object({ orderShipped: Type.String() })

export type AddressDto = Static<typeof Address>
export type AddressInputDto = Static<typeof AddressInput>
export type CartLineDto = Static<typeof CartLine>
export type CheckoutPreviewDto = Static<typeof CheckoutPreview>
export type PreviewGroupDto = Static<typeof PreviewGroup>
export type PreviewLineDto = Static<typeof PreviewLine>
export type OrderItemDto = Static<typeof OrderItem>
export type OrderSummaryDto = Static<typeof OrderSummary>
export type OrderDetailDto = Static<typeof OrderDetail>
export type OrderPageDto = Static<typeof OrderPage>
export type CheckoutDto = Static<typeof Checkout>
export type PayResultDto = Static<typeof PayResult>
export type OrderStatusDto = Static<typeof OrderStatus>
