/**
 * Loads the demo catalogue into an empty store, in one transaction.
 * A store that already has a cooperative is left untouched, so seeding is safe to repeat.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { categories, cooperatives, farmers, farmerShipping, productSpecs, products, userRoles, users } from '../db/schema'
import { DEMO_PERSONAS, demoCatalog } from './demo-data'

export interface SeedResult {
  seeded: boolean
  /** Rows inserted, when `seeded`. */
  counts?: { categories: number; cooperatives: number; farmers: number; products: number; specs: number; users: number }
}

/** Any fixed number: serialises concurrent seeders (two servers starting against one database). */
const SEED_LOCK = 740_2027

function byKey<T>(rows: readonly T[], key: (row: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>()
  for (const row of rows) {
    const k = key(row)
    if (map.has(k)) throw new Error(`demo data: duplicate ${what} "${k}"`)
    map.set(k, row)
  }
  return map
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed: missing ${what}`)
  return value
}

/** Seeds the demo data (harvest windows around `today`, a China date) unless the store has data. */
export async function seedDemoData(db: Db, today: string): Promise<SeedResult> {
  const catalog = demoCatalog(today)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`)
    const existing = await tx.select({ id: cooperatives.id }).from(cooperatives).limit(1)
    if (existing.length > 0) return { seeded: false }

    await tx.insert(categories).values(catalog.categories).onConflictDoNothing()

    const coopRows = await tx
      .insert(cooperatives)
      .values(catalog.cooperatives.map(({ shipping: _shipping, ...c }) => c))
      .returning({ id: cooperatives.id, name: cooperatives.name })
    const coopIdByName = byKey(coopRows, (r) => r.name, 'cooperative')
    const coopId = (index: number) =>
      must(coopIdByName.get(must(catalog.cooperatives[index], `cooperative #${index}`).name), `cooperative #${index}`).id

    // Demo users may exist already (a sandbox login before seeding): keep their ids.
    const userRows = await tx
      .insert(users)
      .values(DEMO_PERSONAS.map((p) => ({ openid: p.openid, nickname: p.nickname })))
      .onConflictDoUpdate({ target: users.openid, set: { nickname: sql`excluded.nickname` } })
      .returning({ id: users.id, openid: users.openid })
    const userIdByOpenid = byKey(userRows, (r) => r.openid, 'user')
    const userId = (openid: string) => must(userIdByOpenid.get(openid), `user ${openid}`).id

    const farmerUser = new Map<number, number>()
    for (const p of DEMO_PERSONAS) if (p.farmerIndex !== undefined) farmerUser.set(p.farmerIndex, userId(p.openid))

    const farmerRows = await tx
      .insert(farmers)
      .values(
        catalog.farmers.map((f, i) => ({
          cooperativeId: coopId(f.cooperativeIndex),
          userId: farmerUser.get(i) ?? null,
          name: f.name,
          village: f.village,
          story: f.story,
          photoUrl: f.photoKey,
          isPoorHousehold: f.isPoorHousehold,
        })),
      )
      .returning({ id: farmers.id, name: farmers.name })
    const farmerIdByName = byKey(farmerRows, (r) => r.name, 'farmer')
    await tx.insert(farmerShipping).values(
      catalog.farmers.map((f) => ({
        farmerId: must(farmerIdByName.get(f.name), `farmer ${f.name}`).id,
        ...must(catalog.cooperatives[f.cooperativeIndex], `cooperative #${f.cooperativeIndex}`).shipping,
      })),
    )
    const farmerId = (index: number) =>
      must(farmerIdByName.get(must(catalog.farmers[index], `farmer #${index}`).name), `farmer #${index}`).id

    const productRows = await tx
      .insert(products)
      .values(
        catalog.products.map((p) => ({
          farmerId: farmerId(p.farmerIndex),
          categoryId: p.categoryId,
          title: p.title,
          description: p.description,
          origin: p.origin,
          photos: p.photos,
          harvestStart: p.harvestStart,
          harvestEnd: p.harvestEnd,
          shipsFrom: p.shipsFrom,
          status: p.status,
        })),
      )
      .returning({ id: products.id, title: products.title })
    const productIdByTitle = byKey(productRows, (r) => r.title, 'product title')

    const specValues = catalog.products.flatMap((p) => {
      const productId = must(productIdByTitle.get(p.title), `product ${p.title}`).id
      return p.specs.map((s, i) => ({ productId, ...s, sortOrder: i }))
    })
    await tx.insert(productSpecs).values(specValues)

    const roleValues = DEMO_PERSONAS.flatMap((p) => {
      const uid = userId(p.openid)
      const rows: Array<typeof userRoles.$inferInsert> = [{ userId: uid, role: 'buyer' }]
      if (p.id === 'farmer') rows.push({ userId: uid, role: 'farmer' })
      if (p.id === 'coop_admin') {
        rows.push({ userId: uid, role: 'coop_admin', cooperativeId: coopId(must(p.cooperativeIndex, 'coop persona cooperative')) })
      }
      return rows
    })
    await tx.insert(userRoles).values(roleValues).onConflictDoNothing()

    return {
      seeded: true,
      counts: {
        categories: catalog.categories.length,
        cooperatives: coopRows.length,
        farmers: farmerRows.length,
        products: productRows.length,
        specs: specValues.length,
        users: userRows.length,
      },
    }
  })
}
