/**
 * The cooperative side's API shapes: weekly report, impact on poor households, statements,
 * members. TypeBox schemas, shared with the mini-program through `import type`.
 * Money is integer fen; weights are kg (1 斤 = 0.5 kg); weeks are ISO weeks in China.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { REFUND_KINDS } from '@domain/payment-states'
import { MAX_COMMISSION_BPS, SETTLEMENT_STATUSES } from '@domain/settlement'
import { Id, Unit } from './catalog'
import { literalUnion } from './literals'

const Timestamp = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

/** The shape of an ISO week; week 53 of a 52-week year is refused by the service (INVALID_WEEK). */
export const Week = Type.String({ pattern: '^20[0-9]{2}-W(0[1-9]|[1-4][0-9]|5[0-3])$', maxLength: 8, description: 'ISO week in China, e.g. 2026-W48' })

export const WeekQuery = Type.Object(
  {
    week: Type.Optional(Week),
    /** Optional: a manager may only name their own cooperative (anything else is a 404). */
    cooperativeId: Type.Optional(Id),
  },
  { additionalProperties: false },
)
export const FarmerParams = Type.Object({ farmerId: Id }, { additionalProperties: false })
export const StatementParams = Type.Object({ farmerId: Id, week: Week }, { additionalProperties: false })
export const PayBody = Type.Object(
  { paymentRef: Type.String({ minLength: 1, maxLength: 64, pattern: '\\S', description: 'Bank or WeChat transfer reference' }) },
  { additionalProperties: false },
)
export const CommissionBody = Type.Object({ bps: Type.Integer({ minimum: 0, maximum: MAX_COMMISSION_BPS }) }, { additionalProperties: false })

export const CoopInfo = Type.Object({ id: Type.Integer(), name: Type.String(), commissionBps: Type.Integer() })
const Money = { grossFen: Type.Integer(), refundsFen: Type.Integer(), netFen: Type.Integer() }

export const UnitQuantity = Type.Object({ unit: Unit, quantity: Type.Integer() })
export const WeekTotals = Type.Object({
  orders: Type.Integer(),
  buyers: Type.Integer(),
  quantities: Type.Array(UnitQuantity),
  weightKg: Type.Number(),
  shippingFen: Type.Integer(),
  ...Money,
})
const Delta = Type.Object({ delta: Type.Number(), pct: Nullable(Type.Number()) })
export const WeekChange = Type.Object({ orders: Delta, buyers: Delta, weightKg: Delta, grossFen: Delta, refundsFen: Delta, netFen: Delta })

export const FarmerSales = Type.Object({
  farmerId: Type.Integer(),
  name: Type.String(),
  village: Type.String(),
  isPoorHousehold: Type.Boolean(),
  orders: Type.Integer(),
  weightKg: Type.Number(),
  ...Money,
})
export const SpecSales = Type.Object({ specId: Type.Integer(), name: Type.String(), unit: Unit, quantity: Type.Integer(), weightKg: Type.Number(), ...Money })
export const ProductSales = Type.Object({
  productId: Type.Integer(),
  title: Type.String(),
  farmerName: Type.String(),
  weightKg: Type.Number(),
  ...Money,
  specs: Type.Array(SpecSales),
})
/**
 * Succeeded sale refunds of one kind (buyer cancel, after-sale, weight adjustment): how many, and
 * what they gave back — goods first, the rest shipping. Each counts in the China week it succeeded.
 */
export const RefundsOfKind = Type.Object({ kind: literalUnion(REFUND_KINDS), count: Type.Integer(), goodsFen: Type.Integer(), shippingFen: Type.Integer() })
/** The week's sale refunds the cooperative bears (never taken from a farmer's statement). */
export const CooperativeRefunds = Type.Object({ count: Type.Integer(), goodsFen: Type.Integer(), shippingFen: Type.Integer(), byKind: Type.Array(RefundsOfKind) })

export const ProvinceSales = Type.Object({ province: Type.String(), orders: Type.Integer(), weightKg: Type.Number(), ...Money })
export const TrendPoint = Type.Object({ week: Type.String(), orders: Type.Integer(), buyers: Type.Integer(), weightKg: Type.Number(), ...Money })

export const WeeklyReport = Type.Object({
  week: Type.String(),
  start: Timestamp,
  end: Timestamp,
  /** The week is still in progress in China. */
  inProgress: Type.Boolean(),
  cooperative: CoopInfo,
  totals: WeekTotals,
  previous: Type.Object({ week: Type.String(), totals: WeekTotals }),
  change: WeekChange,
  byFarmer: Type.Array(FarmerSales),
  byProduct: Type.Array(ProductSales),
  byProvince: Type.Array(ProvinceSales),
  /** Eight weeks ending with this one, oldest first. */
  trend: Type.Array(TrendPoint),
  /** The week's succeeded sale refunds by kind, whoever bears them; their goods add up to totals.refundsFen. */
  refundsByKind: Type.Array(RefundsOfKind),
  /** Of those, the ones the cooperative bears. */
  cooperativeRefunds: CooperativeRefunds,
})

export const ImpactPoint = Type.Object({
  week: Type.String(),
  poorNetFen: Type.Integer(),
  coopNetFen: Type.Integer(),
  /** poorNetFen: income reaching registered households (the registry report's rule); coopNetFen: every member's income by the same rule (goods sold − refunds the farmer bore). Share in percent, one decimal; null without sales. */
  sharePct: Nullable(Type.Number()),
})
export const ImpactFarmer = Type.Object({
  farmerId: Type.Integer(),
  name: Type.String(),
  village: Type.String(),
  active: Type.Boolean(),
  orders: Type.Integer(),
  ...Money,
  /** Net sales over the eight weeks of the series. */
  eightWeekNetFen: Type.Integer(),
})
export const ImpactReport = Type.Object({
  week: Type.String(),
  cooperative: CoopInfo,
  /** Members whose household was 在册 or 监测户 on at least one day of the week (household_periods), and how many sold this week while counted. */
  poorHouseholds: Type.Integer(),
  poorHouseholdsSelling: Type.Integer(),
  current: ImpactPoint,
  trend: Type.Array(ImpactPoint),
  farmers: Type.Array(ImpactFarmer),
})

export const StatementStatus = literalUnion(SETTLEMENT_STATUSES)
export const StatementAdjustment = Type.Object({
  orderNo: Type.String(),
  /** The confirmed week the refunded order was sold in. */
  saleWeek: Type.String(),
  refundedAt: Nullable(Timestamp),
  adjustmentFen: Type.Integer(),
})
export const Statement = Type.Object({
  farmerId: Type.Integer(),
  farmerName: Type.String(),
  village: Type.String(),
  week: Type.String(),
  status: StatementStatus,
  orders: Type.Integer(),
  grossFen: Type.Integer(),
  refundsFen: Type.Integer(),
  commissionBps: Type.Integer(),
  commissionFen: Type.Integer(),
  shippingFen: Type.Integer(),
  adjustmentsFen: Type.Integer(),
  netFen: Type.Integer(),
  paymentRef: Nullable(Type.String()),
  confirmedAt: Nullable(Timestamp),
  paidAt: Nullable(Timestamp),
  adjustments: Type.Array(StatementAdjustment),
  /** The refunds this statement takes from the farmer, by kind: their goods add up to refundsFen. */
  refundsByKind: Type.Array(RefundsOfKind),
})
export const StatementList = Type.Object({
  week: Type.String(),
  /** Only a finished week can be confirmed. */
  weekOver: Type.Boolean(),
  cooperative: CoopInfo,
  statements: Type.Array(Statement),
  totals: Type.Object({ grossFen: Type.Integer(), refundsFen: Type.Integer(), commissionFen: Type.Integer(), shippingFen: Type.Integer(), adjustmentsFen: Type.Integer(), netFen: Type.Integer() }),
  /** The week's sale refunds the cooperative bears: in no statement, the cooperative's own cost. */
  cooperativeRefunds: CooperativeRefunds,
})
export const FarmerStatements = Type.Object({ farmerId: Type.Integer(), name: Type.String(), statements: Type.Array(Statement) })

export const Member = Type.Object({
  farmerId: Type.Integer(),
  name: Type.String(),
  village: Type.String(),
  isPoorHousehold: Type.Boolean(),
  active: Type.Boolean(),
  /** Has a WeChat account linked (joined through an invite). */
  joined: Type.Boolean(),
  products: Type.Integer(),
  productsOnSale: Type.Integer(),
  week: Type.Object({ orders: Type.Integer(), weightKg: Type.Number(), ...Money }),
})
export const MemberList = Type.Object({ week: Type.String(), cooperative: CoopInfo, members: Type.Array(Member) })
export const CommissionResult = Type.Object({ commissionBps: Type.Integer() })

export type WeekTotalsDto = Static<typeof WeekTotals>
export type WeeklyReportDto = Static<typeof WeeklyReport>
export type TrendPointDto = Static<typeof TrendPoint>
export type FarmerSalesDto = Static<typeof FarmerSales>
export type ProductSalesDto = Static<typeof ProductSales>
export type ImpactReportDto = Static<typeof ImpactReport>
export type StatementDto = Static<typeof Statement>
export type StatementListDto = Static<typeof StatementList>
export type FarmerStatementsDto = Static<typeof FarmerStatements>
export type MemberDto = Static<typeof Member>
export type MemberListDto = Static<typeof MemberList>
export type CoopInfoDto = Static<typeof CoopInfo>
export type RefundsOfKindDto = Static<typeof RefundsOfKind>
export type CooperativeRefundsDto = Static<typeof CooperativeRefunds>
