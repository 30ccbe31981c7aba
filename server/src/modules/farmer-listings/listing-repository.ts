/** SQL for a farmer's own products and specs, and the manager's review queue. */
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { categories, farmers, orderItems, products, productSpecs } from '../../db/schema'

export type ProductRow = typeof products.$inferSelect
export type SpecRow = typeof productSpecs.$inferSelect
export type NewProduct = typeof products.$inferInsert
export type SpecValues = Omit<typeof productSpecs.$inferInsert, 'productId' | 'id'>
type Executor = Db | Tx

export interface FarmerRef {
  id: number
  cooperativeId: number
  village: string
}

export function createListingRepository(db: Db) {
  return {
    /** For reads outside a transaction. */
    db,

    transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      return inTransaction(db, work)
    },

    async activeFarmerOfUser(userId: number): Promise<FarmerRef | null> {
      const [row] = await db
        .select({ id: farmers.id, cooperativeId: farmers.cooperativeId, village: farmers.village })
        .from(farmers)
        .where(and(eq(farmers.userId, userId), eq(farmers.active, true)))
      return row ?? null
    },

    async categoryExists(id: string): Promise<boolean> {
      const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id))
      return !!row
    },

    async listOwn(farmerId: number, beforeId: number | undefined, limit: number): Promise<ProductRow[]> {
      return db
        .select()
        .from(products)
        .where(and(eq(products.farmerId, farmerId), beforeId === undefined ? undefined : lt(products.id, beforeId)))
        .orderBy(desc(products.id))
        .limit(limit)
    },

    /** The product if it belongs to this farmer; `lock` holds it for the transaction. */
    async findOwn(ex: Executor, farmerId: number, productId: number, lock = false): Promise<ProductRow | null> {
      const query = ex.select().from(products).where(and(eq(products.id, productId), eq(products.farmerId, farmerId)))
      const [row] = lock ? await query.for('update') : await query
      return row ?? null
    },

    async findById(ex: Executor, productId: number): Promise<ProductRow | null> {
      const [row] = await ex.select().from(products).where(eq(products.id, productId))
      return row ?? null
    },

    async specsOf(ex: Executor, productIds: number[]): Promise<SpecRow[]> {
      if (productIds.length === 0) return []
      return ex
        .select()
        .from(productSpecs)
        .where(inArray(productSpecs.productId, productIds))
        .orderBy(asc(productSpecs.productId), asc(productSpecs.sortOrder), asc(productSpecs.id))
    },

    /** Which of these products were ever ordered. */
    async productsWithOrders(ex: Executor, productIds: number[]): Promise<Set<number>> {
      if (productIds.length === 0) return new Set()
      const rows = await ex.selectDistinct({ id: orderItems.productId }).from(orderItems).where(inArray(orderItems.productId, productIds))
      return new Set(rows.map((r) => r.id))
    },

    async specsWithOrders(ex: Executor, specIds: number[]): Promise<Set<number>> {
      if (specIds.length === 0) return new Set()
      const rows = await ex.selectDistinct({ id: orderItems.specId }).from(orderItems).where(inArray(orderItems.specId, specIds))
      return new Set(rows.map((r) => r.id))
    },

    async insertProduct(tx: Tx, values: NewProduct, specs: SpecValues[]): Promise<number> {
      const [row] = await tx.insert(products).values(values).returning({ id: products.id })
      await tx.insert(productSpecs).values(specs.map((s) => ({ ...s, productId: row.id })))
      return row.id
    },

    async updateProduct(ex: Executor, productId: number, values: Partial<NewProduct>): Promise<void> {
      await ex.update(products).set(values).where(eq(products.id, productId))
    },

    async updateSpec(tx: Tx, specId: number, values: Partial<SpecValues>): Promise<void> {
      await tx.update(productSpecs).set(values).where(eq(productSpecs.id, specId))
    },

    async insertSpecs(tx: Tx, productId: number, specs: SpecValues[]): Promise<void> {
      if (specs.length > 0) await tx.insert(productSpecs).values(specs.map((s) => ({ ...s, productId })))
    },

    async deleteSpecs(tx: Tx, specIds: number[]): Promise<void> {
      if (specIds.length > 0) await tx.delete(productSpecs).where(inArray(productSpecs.id, specIds))
    },

    async deleteProduct(tx: Tx, productId: number): Promise<void> {
      await tx.delete(products).where(eq(products.id, productId))
    },

    /** The spec with its product's farmer, locked for an adjustment. */
    async lockSpecOfFarmer(tx: Tx, farmerId: number, specId: number) {
      const [row] = await tx
        .select({ spec: productSpecs, productStatus: products.status })
        .from(productSpecs)
        .innerJoin(products, eq(products.id, productSpecs.productId))
        .where(and(eq(productSpecs.id, specId), eq(products.farmerId, farmerId)))
        .for('update', { of: [productSpecs, products] })
      return row ?? null
    },

    async pendingReviews(cooperativeId: number, limit: number) {
      return db
        .select({ product: products, farmer: { id: farmers.id, name: farmers.name, village: farmers.village } })
        .from(products)
        .innerJoin(farmers, eq(farmers.id, products.farmerId))
        .where(and(eq(farmers.cooperativeId, cooperativeId), eq(products.reviewStatus, 'pending_review')))
        .orderBy(asc(products.updatedAt), asc(products.id))
        .limit(limit)
    },

    /** The product if its farmer belongs to this cooperative, locked for the decision. */
    async lockInCooperative(tx: Tx, cooperativeId: number, productId: number): Promise<ProductRow | null> {
      const [row] = await tx
        .select({ product: products })
        .from(products)
        .innerJoin(farmers, eq(farmers.id, products.farmerId))
        .where(and(eq(products.id, productId), eq(farmers.cooperativeId, cooperativeId)))
        .for('update', { of: products })
      return row?.product ?? null
    },
  }
}

export type ListingRepository = ReturnType<typeof createListingRepository>
