/**
 * Loads the demo catalogue into an empty store, in one transaction.
 * A store that already has a cooperative is left untouched, so seeding is safe to repeat.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { cooperatives } from '../db/schema'
import { grantRoles, upsertUsers, type RoleGrant } from '../modules/auth'
import { addCategories } from '../modules/catalog'
import { insertProducts, insertSpecs } from '../modules/farmer-listings'
import { insertCooperatives, insertFarmers } from '../modules/members'
import { insertHouseholdPeriods } from '../modules/households'
import { saveTemplate } from '../modules/freight'
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

    await addCategories(tx, catalog.categories)

    const coopRows = await insertCooperatives(tx, catalog.cooperatives.map(({ freight: _freight, ...c }) => c))
    const coopIdByName = byKey(coopRows, (r) => r.name, 'cooperative')
    const coopId = (index: number) =>
      must(coopIdByName.get(must(catalog.cooperatives[index], `cooperative #${index}`).name), `cooperative #${index}`).id
    // each cooperative's default freight template, which prices all its members' parcels
    for (const [i, c] of catalog.cooperatives.entries()) {
      if (c.freight) await saveTemplate(tx, { cooperativeId: coopId(i), farmerId: null }, c.freight)
    }

    // Demo users may exist already (a sandbox login before seeding): keep their ids.
    const userRows = await upsertUsers(tx, DEMO_PERSONAS.map((p) => ({ openid: p.openid, nickname: p.nickname })))
    const userIdByOpenid = byKey(userRows, (r) => r.openid, 'user')
    const userId = (openid: string) => must(userIdByOpenid.get(openid), `user ${openid}`).id

    const farmerUser = new Map<number, number>()
    for (const p of DEMO_PERSONAS) if (p.farmerIndex !== undefined) farmerUser.set(p.farmerIndex, userId(p.openid))

    const farmerRows = await insertFarmers(
      tx,
      catalog.farmers.map((f, i) => ({
        cooperativeId: coopId(f.cooperativeIndex),
        userId: farmerUser.get(i) ?? null,
        name: f.name,
        village: f.village,
        story: f.story,
        photoKey: f.photoKey,
      })),
    )
    const farmerIdByName = byKey(farmerRows, (r) => r.name, 'farmer')
    await insertHouseholdPeriods(
      tx,
      catalog.farmers.flatMap((f) => {
        const id = must(farmerIdByName.get(f.name), `farmer ${f.name}`).id
        return f.household ? [{ cooperativeId: coopId(f.cooperativeIndex), farmerId: id, headName: f.name, ...f.household, source: 'demo' }] : []
      }),
    )
    const farmerId = (index: number) =>
      must(farmerIdByName.get(must(catalog.farmers[index], `farmer #${index}`).name), `farmer #${index}`).id

    const productRows = await insertProducts(
      tx,
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
    const productIdByTitle = byKey(productRows, (r) => r.title, 'product title')

    const specValues = catalog.products.flatMap((p) => {
      const productId = must(productIdByTitle.get(p.title), `product ${p.title}`).id
      return p.specs.map((s, i) => ({ productId, ...s, sortOrder: i }))
    })
    await insertSpecs(tx, specValues)

    const roleValues = DEMO_PERSONAS.flatMap((p) => {
      const uid = userId(p.openid)
      const rows: RoleGrant[] = [{ userId: uid, role: 'buyer' }]
      if (p.id === 'farmer') rows.push({ userId: uid, role: 'farmer' })
      if (p.id === 'coop_admin') {
        rows.push({ userId: uid, role: 'coop_admin', cooperativeId: coopId(must(p.cooperativeIndex, 'coop persona cooperative')) })
      }
      return rows
    })
    await grantRoles(tx, roleValues)

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
