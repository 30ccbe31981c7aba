/** SQL for the public catalogue: products a buyer may see, their specs, farmers and categories. */
import { and, asc, desc, eq, gte, ilike, inArray, lt, lte, ne, not, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { categories, cooperatives, farmers, products, productSpecs } from '../../db/schema'
import { templatesForFarmers } from '../freight'

export interface ProductFilter {
  category?: string
  cooperativeId?: number
  farmerId?: number
  q?: string
  /** China date for the in-season filter; `inSeason` picks inside or outside the harvest window. */
  today: string
  inSeason?: boolean
  /** Keyset: only products with a smaller id. */
  beforeId?: number
}

/** Escapes LIKE metacharacters so a buyer's "%" or "_" matches literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** What a buyer may see: not paused, past the content check, from an active farmer. */
const visible = and(ne(products.status, 'paused'), eq(products.reviewStatus, 'approved'), eq(farmers.active, true))

const productColumns = {
  id: products.id,
  title: products.title,
  description: products.description,
  origin: products.origin,
  categoryId: products.categoryId,
  photos: products.photos,
  status: products.status,
  harvestStart: products.harvestStart,
  harvestEnd: products.harvestEnd,
  shipsFrom: products.shipsFrom,
  farmer: { id: farmers.id, name: farmers.name, village: farmers.village, photoKey: farmers.photoUrl, story: farmers.story },
  cooperative: { id: cooperatives.id, name: cooperatives.name, county: cooperatives.county, province: cooperatives.province },
}

export function createCatalogRepository(db: Db) {
  const baseQuery = () =>
    db
      .select(productColumns)
      .from(products)
      .innerJoin(farmers, eq(farmers.id, products.farmerId))
      .innerJoin(cooperatives, eq(cooperatives.id, farmers.cooperativeId))

  return {
    async listProducts(filter: ProductFilter, limit: number) {
      const inWindow = and(lte(products.harvestStart, filter.today), gte(products.harvestEnd, filter.today))
      const conditions: (SQL | undefined)[] = [
        visible,
        filter.category === undefined ? undefined : eq(products.categoryId, filter.category),
        filter.cooperativeId === undefined ? undefined : eq(farmers.cooperativeId, filter.cooperativeId),
        filter.farmerId === undefined ? undefined : eq(products.farmerId, filter.farmerId),
        filter.inSeason === undefined ? undefined : filter.inSeason ? inWindow : not(inWindow!),
        filter.beforeId === undefined ? undefined : lt(products.id, filter.beforeId),
        filter.q === undefined
          ? undefined
          : or(
              ilike(products.title, likePattern(filter.q)),
              ilike(products.origin, likePattern(filter.q)),
              ilike(farmers.name, likePattern(filter.q)),
            ),
      ]
      return baseQuery()
        .where(and(...conditions))
        .orderBy(desc(products.id))
        .limit(limit)
    },

    async findProduct(id: number) {
      const [row] = await db
        .select({ ...productColumns, servicePhone: cooperatives.servicePhone })
        .from(products)
        .innerJoin(farmers, eq(farmers.id, products.farmerId))
        .innerJoin(cooperatives, eq(cooperatives.id, farmers.cooperativeId))
        .where(and(eq(products.id, id), eq(farmers.active, true), eq(products.reviewStatus, 'approved')))
      return row ?? null
    },

    /** The freight template that prices this farmer's parcels (through the freight module), or null: free shipping everywhere. */
    async freightOf(farmerId: number) {
      return (await templatesForFarmers(db, [farmerId])).get(farmerId) ?? null
    },

    async specsOf(productIds: number[]) {
      if (productIds.length === 0) return []
      return db
        .select()
        .from(productSpecs)
        .where(inArray(productSpecs.productId, productIds))
        .orderBy(asc(productSpecs.productId), asc(productSpecs.sortOrder), asc(productSpecs.id))
    },

    async findFarmer(id: number) {
      const [row] = await db
        .select({
          id: farmers.id,
          name: farmers.name,
          village: farmers.village,
          story: farmers.story,
          photoKey: farmers.photoUrl,
          cooperative: { id: cooperatives.id, name: cooperatives.name, county: cooperatives.county, province: cooperatives.province },
        })
        .from(farmers)
        .innerJoin(cooperatives, eq(cooperatives.id, farmers.cooperativeId))
        .where(and(eq(farmers.id, id), eq(farmers.active, true)))
      return row ?? null
    },

    async listCategories() {
      return db
        .select({
          id: categories.id,
          name: categories.name,
          productCount: sql<number>`cast(count(${products.id}) filter (where ${visible}) as int)`,
        })
        .from(categories)
        .leftJoin(products, eq(products.categoryId, categories.id))
        .leftJoin(farmers, eq(farmers.id, products.farmerId))
        .groupBy(categories.id, categories.name, categories.sortOrder)
        .orderBy(asc(categories.sortOrder), asc(categories.id))
    },
  }
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>
export type ProductRow = Awaited<ReturnType<CatalogRepository['listProducts']>>[number]
export type SpecRow = Awaited<ReturnType<CatalogRepository['specsOf']>>[number]
