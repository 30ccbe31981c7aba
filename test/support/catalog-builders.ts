/** Builds catalogue rows for a test, with sensible defaults each test can override. */
import type { Db } from '../../server/src/db/client'
import { categories, cooperatives, farmers, products, productSpecs } from '../../server/src/db/schema'
import { insertHouseholdPeriods } from '../../server/src/modules/households'

type NewProduct = typeof products.$inferInsert
type NewSpec = Omit<typeof productSpecs.$inferInsert, 'productId'>

export async function addCategory(db: Db, id = 'fruit', name = '水果', sortOrder = 0) {
  await db.insert(categories).values({ id, name, sortOrder }).onConflictDoNothing()
  return id
}

export async function addCooperative(db: Db, values: Partial<typeof cooperatives.$inferInsert> = {}) {
  const [row] = await db
    .insert(cooperatives)
    .values({ name: '威宁县草海高原果蔬专业合作社', county: '威宁县', province: '贵州省', ...values })
    .returning()
  return row
}

/** A member farmer; `isPoorHousehold` puts the household on the register (在册) since 2020-01-01. */
export async function addFarmer(db: Db, cooperativeId: number, { isPoorHousehold, ...values }: Partial<typeof farmers.$inferInsert> & { isPoorHousehold?: boolean } = {}) {
  const [row] = await db
    .insert(farmers)
    .values({ cooperativeId, name: '张国华', village: '草海镇新华村', story: '种了二十年苹果。', ...values })
    .returning()
  if (isPoorHousehold) await insertHouseholdPeriods(db, [{ cooperativeId, farmerId: row.id, registryNo: null, headName: row.name, status: 'registered', startedOn: '2020-01-01', source: 'test' }])
  return row
}

export async function addProduct(
  db: Db,
  farmerId: number,
  values: Partial<NewProduct> = {},
  specs: Partial<NewSpec>[] = [{}],
) {
  const categoryId = values.categoryId ?? (await addCategory(db))
  const [product] = await db
    .insert(products)
    .values({
      farmerId,
      categoryId,
      title: '威宁高原红富士苹果',
      origin: '贵州·威宁',
      harvestStart: '2026-09-01',
      harvestEnd: '2026-12-31',
      photos: ['demo/test-apple'],
      ...values,
    })
    .returning()
  const specRows = await db
    .insert(productSpecs)
    .values(
      specs.map((s, i) => ({ productId: product.id, name: `${(i + 1) * 5}斤装`, priceFen: 2990 + i * 2000, unit: '斤' as const, netWeightG: 2500 * (i + 1), stock: 50, sortOrder: i, ...s })),
    )
    .returning()
  return { ...product, specs: specRows }
}
