import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { inWindow } from '@domain/dates'
import type { Db } from '../../server/src/db/client'
import { categories, cooperatives, farmers, freightTemplates, productSpecs, products, userRoles, users } from '../../server/src/db/schema'
import { DEMO_PERSONAS, addDays, demoCatalog, demoPhotoKeys } from '../../server/src/seed/demo-data'
import { seedDemoData } from '../../server/src/seed/seed'
import { openTestStore, type TestStore } from '../support/store'

const TODAY = '2026-11-28'
const MEDIA_DIR = path.resolve(__dirname, '../../server/assets/media')

async function counts(db: Db) {
  const [c, co, fa, pr, sp, us, ro] = await Promise.all([
    db.select().from(categories),
    db.select().from(cooperatives),
    db.select().from(farmers),
    db.select().from(products),
    db.select().from(productSpecs),
    db.select().from(users),
    db.select().from(userRoles),
  ])
  return { categories: c.length, cooperatives: co.length, farmers: fa.length, products: pr.length, specs: sp.length, users: us.length, roles: ro.length }
}

describe('seeding the demo catalogue', () => {
  let t: TestStore

  beforeAll(async () => {
    t = await openTestStore()
  })
  afterAll(() => t.close())

  it('seeding an empty store loads the Weining cooperative with at least five farmers and 20+ products, every spec priced in fen > 0 with stock ≥ 0', async () => {
    const db = t.store.db
    expect(await seedDemoData(db, TODAY)).toMatchObject({ seeded: true })

    const [weining] = await db.select().from(cooperatives).where(eq(cooperatives.name, '威宁县草海高原果蔬专业合作社'))
    expect(weining).toMatchObject({ county: '威宁彝族回族苗族自治县', province: '贵州省' })
    const weiningFarmers = await db.select().from(farmers).where(eq(farmers.cooperativeId, weining!.id))
    expect(weiningFarmers.length).toBeGreaterThanOrEqual(5)
    for (const f of weiningFarmers) {
      expect(f.story.length).toBeGreaterThan(20)
      expect(f.photoUrl).toMatch(/^demo\/farmer-[a-z]+$/)
    }
    expect((await db.select().from(cooperatives)).length).toBeGreaterThanOrEqual(3)

    const allProducts = await db.select().from(products)
    expect(allProducts.length).toBeGreaterThanOrEqual(20)
    const specs = await db.select().from(productSpecs)
    for (const p of allProducts) {
      const own = specs.filter((s) => s.productId === p.id)
      expect(own.length).toBeGreaterThanOrEqual(1)
      expect(own.length).toBeLessThanOrEqual(3)
      expect(p.photos.length).toBeGreaterThanOrEqual(1)
      expect(p.harvestStart <= p.harvestEnd).toBe(true)
    }
    for (const s of specs) {
      expect(Number.isInteger(s.priceFen)).toBe(true)
      expect(s.priceFen).toBeGreaterThan(0)
      expect(s.stock).toBeGreaterThanOrEqual(0)
      expect(s.netWeightG).toBeGreaterThan(0)
    }
    const statuses = allProducts.map((p) => p.status)
    expect(statuses.filter((s) => s === 'on_sale').length).toBeGreaterThan(allProducts.length / 2)
    expect(statuses).toContain('paused')
    expect(statuses).toContain('sold_out')

    // Every category has a product.
    const cats = await db.select().from(categories)
    for (const c of cats) expect(allProducts.some((p) => p.categoryId === c.id)).toBe(true)
  })

  it('links the demo personas to users, roles, the farmer row and the Weining cooperative', async () => {
    const db = t.store.db
    const [weining] = await db.select().from(cooperatives).where(eq(cooperatives.name, '威宁县草海高原果蔬专业合作社'))
    const roleRows = await db.select({ openid: users.openid, role: userRoles.role, cooperativeId: userRoles.cooperativeId }).from(userRoles).innerJoin(users, eq(users.id, userRoles.userId))
    const rolesOf = (openid: string) => roleRows.filter((r) => r.openid === openid).map((r) => r.role).sort()
    expect(rolesOf('demo-buyer-openid')).toEqual(['buyer'])
    expect(rolesOf('demo-farmer-openid')).toEqual(['buyer', 'farmer'])
    expect(rolesOf('demo-coop-openid')).toEqual(['buyer', 'coop_admin'])
    expect(roleRows.find((r) => r.role === 'coop_admin')?.cooperativeId).toBe(weining!.id)

    const [farmerUser] = await db.select().from(users).where(eq(users.openid, 'demo-farmer-openid'))
    const [linked] = await db.select().from(farmers).where(eq(farmers.userId, farmerUser!.id))
    expect(linked).toMatchObject({ name: farmerUser!.nickname, cooperativeId: weining!.id })
    const applesOfLinked = await db.select().from(products).where(eq(products.farmerId, linked!.id))
    expect(applesOfLinked.some((p) => p.title.includes('苹果'))).toBe(true)
  })

  it('gives every demo cooperative that charges shipping a default freight template (Tibet not served, free from a threshold) and every cooperative a commission', async () => {
    const db = t.store.db
    const templates = await db.select().from(freightTemplates)
    const charging = demoCatalog(TODAY).cooperatives.filter((c) => c.freight !== null)
    expect(charging.length).toBeGreaterThan(0)
    // the cooperatives' defaults price every member: no farmer has an own template
    expect(templates.filter((r) => r.farmerId === null)).toHaveLength(charging.length)
    expect(templates.filter((r) => r.farmerId !== null)).toHaveLength(0)
    expect(templates.every((r) => r.freeFromFen !== null && r.notServed.includes('西藏自治区') && r.shipsFrom !== '')).toBe(true)
    const [weining] = await db.select().from(cooperatives).where(eq(cooperatives.name, '威宁县草海高原果蔬专业合作社'))
    expect(templates.some((r) => r.cooperativeId === weining.id)).toBe(true)
    expect((await db.select().from(cooperatives)).every((c) => c.commissionBps > 0)).toBe(true)
  })

  it('seeding twice does not duplicate anything', async () => {
    const db = t.store.db
    const before = await counts(db)
    expect(await seedDemoData(db, TODAY)).toEqual({ seeded: false })
    expect(await seedDemoData(db, addDays(TODAY, 100))).toEqual({ seeded: false })
    expect(await counts(db)).toEqual(before)
  })

  it('stores harvest windows placed around the seeding date', async () => {
    const db = t.store.db
    const rows = await db.select().from(products)
    const expected = demoCatalog(TODAY).products
    for (const p of expected) {
      const row = rows.find((r) => r.title === p.title)
      expect(row).toMatchObject({ harvestStart: p.harvestStart, harvestEnd: p.harvestEnd, shipsFrom: p.shipsFrom })
    }
    const inSeason = rows.filter((r) => inWindow(TODAY, r.harvestStart, r.harvestEnd))
    const preSale = rows.filter((r) => r.harvestStart > TODAY)
    expect(inSeason.length).toBeGreaterThan(rows.length * 0.75)
    expect(preSale.length).toBeGreaterThanOrEqual(2)
    for (const r of preSale) expect(r.shipsFrom).toBe(r.harvestStart)
  })
})

describe('demo catalogue data', () => {
  it('on any date of the year most demo products are in season and some are pre-sale', () => {
    const dates: string[] = []
    for (let m = 1; m <= 12; m++) for (const d of ['01', '15', '28']) dates.push(`2027-${String(m).padStart(2, '0')}-${d}`)
    dates.push('2028-02-29', '2026-12-31')
    for (const today of dates) {
      const { products: list } = demoCatalog(today)
      const inSeason = list.filter((p) => inWindow(today, p.harvestStart, p.harvestEnd))
      const preSale = list.filter((p) => p.harvestStart > today)
      expect(inSeason.length).toBeGreaterThan(list.length / 2)
      expect(list.length - inSeason.length).toBeGreaterThanOrEqual(3)
      expect(list.length - inSeason.length).toBeLessThanOrEqual(5)
      expect(preSale.length).toBeGreaterThanOrEqual(1)
      for (const p of preSale) expect(p.shipsFrom).toBe(p.harvestStart)
      for (const p of list) expect(p.harvestStart <= p.harvestEnd).toBe(true)
    }
  })

  it('is deterministic for a given date and rejects a malformed one', () => {
    expect(demoCatalog('2027-03-15')).toEqual(demoCatalog('2027-03-15'))
    expect(() => demoCatalog('2027-3-15')).toThrow(RangeError)
    expect(() => demoCatalog('2027-02-30')).toThrow(RangeError)
    expect(() => demoCatalog('2027-02-28x')).toThrow(RangeError)
    expect(() => demoCatalog('2027-13-01')).toThrow(/today must be a date/)
  })

  it('names distinct cooperatives, farmers and product titles (the seeder maps ids by them)', () => {
    const c = demoCatalog(TODAY)
    const unique = (xs: string[]) => new Set(xs).size === xs.length
    expect(unique(c.cooperatives.map((x) => x.name))).toBe(true)
    expect(unique(c.farmers.map((x) => x.name))).toBe(true)
    expect(unique(c.products.map((x) => x.title))).toBe(true)
    for (const p of c.products) expect(unique(p.specs.map((s) => s.name))).toBe(true)
    expect(c.farmers.some((f) => f.household?.status === 'registered')).toBe(true)
    const farmerPersona = DEMO_PERSONAS.find((p) => p.id === 'farmer')!
    expect(c.farmers[farmerPersona.farmerIndex!]!.name).toBe(farmerPersona.nickname)
  })

  it('has a display photo and a thumbnail on disk for every media key it uses', () => {
    const keys = demoPhotoKeys()
    for (const key of [...keys.products, ...keys.farmers]) {
      for (const file of [`${key}.jpg`, `${key}.thumb.jpg`]) {
        const bytes = fs.readFileSync(path.join(MEDIA_DIR, file))
        expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
        expect(bytes.length).toBeLessThan(40 * 1024)
      }
    }
  })
})
