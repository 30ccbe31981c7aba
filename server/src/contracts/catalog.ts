/**
 * The catalog API's shapes: TypeBox schemas (validation, serialisation, OpenAPI)
 * and their static types, which the mini-program imports with `import type`.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LIMITS } from '@domain/limits'
import { PRODUCT_STATUSES } from '@domain/products'
import { UNITS } from '@domain/units'
import { ProductShipping } from './freight'
import { literalUnion } from './literals'

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false })
const Day = Type.String({ format: 'date', description: 'Calendar date in China, YYYY-MM-DD' })

export const Photo = Type.Object({
  url: Type.String({ description: 'Display size (750 px wide), path relative to the API origin' }),
  thumbUrl: Type.String({ description: 'Thumbnail (360 px wide), path relative to the API origin' }),
})

export const Unit = literalUnion(UNITS)
export const ProductStatus = literalUnion(PRODUCT_STATUSES)

export const FarmerSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  village: Type.String(),
  photo: Type.Union([Photo, Type.Null()]),
})

export const CooperativeSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  county: Type.String(),
  province: Type.String(),
})

export const ProductCard = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  origin: Type.String(),
  categoryId: Type.String(),
  cover: Type.Union([Photo, Type.Null()]),
  /** The cheapest spec: what the card shows as "from ¥x / unit". */
  priceFromFen: Type.Integer(),
  priceUnit: Unit,
  /** How many specs the product has ("起" on the card when more than one). */
  specCount: Type.Integer(),
  status: ProductStatus,
  inSeason: Type.Boolean(),
  harvestStart: Day,
  harvestEnd: Day,
  shipsFrom: Type.Union([Day, Type.Null()]),
  farmer: FarmerSummary,
  cooperative: CooperativeSummary,
})

export const Spec = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  priceFen: Type.Integer(),
  unit: Unit,
  netWeightG: Type.Integer(),
  stock: Type.Integer(),
})

export const ProductDetail = Type.Object({
  ...ProductCard.properties,
  description: Type.String(),
  photos: Type.Array(Photo),
  specs: Type.Array(Spec),
  farmer: Type.Object({ ...FarmerSummary.properties, story: Type.String() }),
  /** 发货地, 以下地区不发货, free-from and whom to ask: from the farmer's freight template and the cooperative. */
  shipping: ProductShipping,
})

export const ProductPage = Type.Object({
  items: Type.Array(ProductCard),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})

export const ProductQuery = Type.Object(
  {
    category: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' })),
    cooperative: Type.Optional(Id),
    farmer: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.searchQueryMax })),
    inSeason: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.cursorMax })),
  },
  { additionalProperties: false },
)

export const Category = Type.Object({ id: Type.String(), name: Type.String(), productCount: Type.Integer() })
export const CategoryList = Type.Object({ items: Type.Array(Category) })

export const FarmerProfile = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  village: Type.String(),
  story: Type.String(),
  photo: Type.Union([Photo, Type.Null()]),
  cooperative: CooperativeSummary,
  products: Type.Array(ProductCard),
})

export type PhotoDto = Static<typeof Photo>
export type ProductCardDto = Static<typeof ProductCard>
export type ProductDetailDto = Static<typeof ProductDetail>
export type ProductPageDto = Static<typeof ProductPage>
export type ProductQueryDto = Static<typeof ProductQuery>
export type SpecDto = Static<typeof Spec>
export type CategoryDto = Static<typeof Category>
export type FarmerProfileDto = Static<typeof FarmerProfile>
