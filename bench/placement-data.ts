/**
 * The placement bench's data: a cooperative with 20 farmers and 200 specs (farmer 0's two apple
 * products, 4 specs, are the hot rows most carts hit), buyers with an address, the carts they
 * send, and the facts read back from the store afterwards to check nothing was lost or doubled.
 */
import { prng } from '@domain/prng'
import { sql } from 'drizzle-orm'
import type { Db } from '../server/src/db/client'
import { setFlatFreight } from '../server/src/modules/freight'
import { num, rowsOf } from '../server/src/sql/rows'
import type { TestApp } from '../test/support/app'
import { addCategory, addCooperative, addFarmer, addProduct } from '../test/support/catalog-builders'
import { addBuyer } from '../test/support/order-builders'

export const FARMERS = 20
const PRODUCTS_PER_FARMER = 5
const SPECS_PER_PRODUCT = 2
/** Ample: a run never sells out, so every placement should succeed. */
export const STOCK = 1_000_000

const PRODUCE = ['高山土豆', '红心猕猴桃', '糯玉米', '朝天椒', '苦荞茶', '野生蜂蜜', '核桃', '香菇', '小黄姜', '紫薯', '荞麦面', '黑木耳']

export interface Catalogue {
  /** The 4 apple specs of farmer 0: most carts include one. */
  hotSpecIds: number[]
  /** All 200 specs, hot ones included. */
  specIds: number[]
}

export interface BenchBuyer {
  authorization: string
  addressId: number
}

export async function buildCatalogue(db: Db): Promise<Catalogue> {
  const categoryId = await addCategory(db, 'fruit', '水果')
  const coop = await addCooperative(db)
  const specIds: number[] = []
  const hotSpecIds: number[] = []
  for (let f = 0; f < FARMERS; f += 1) {
    const farmer = await addFarmer(db, coop.id, { name: `农户${f + 1}`, village: `草海镇${f + 1}组` })
    await setFlatFreight(db, [{ farmerId: farmer.id, feeFen: 800, freeFromFen: 5900 }])
    for (let p = 0; p < PRODUCTS_PER_FARMER; p += 1) {
      const apple = f === 0 && p < 2
      const title = apple ? ['威宁高原红富士苹果', '威宁丑苹果'][p] : `${PRODUCE[(f * PRODUCTS_PER_FARMER + p) % PRODUCE.length]}·${f + 1}-${p + 1}`
      const specs = Array.from({ length: SPECS_PER_PRODUCT }, (_, s) => ({ name: `${(s + 1) * 5}斤装`, priceFen: 1990 + 1000 * s + 100 * p, stock: STOCK }))
      const product = await addProduct(db, farmer.id, { title, categoryId }, specs)
      for (const spec of product.specs) {
        specIds.push(spec.id)
        if (apple) hotSpecIds.push(spec.id)
      }
    }
  }
  return { hotSpecIds, specIds }
}

/** Signs `n` buyers in through the sandbox login and gives each an address (10 at a time). */
export async function addBuyers(t: TestApp, n: number): Promise<BenchBuyer[]> {
  const buyers: BenchBuyer[] = []
  for (let i = 0; i < n; i += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, j) => addBuyer(t, `bench-buyer-${i + j}`)))
    buyers.push(...batch.map((b) => ({ authorization: b.auth.authorization, addressId: b.addressId })))
  }
  return buyers
}

/** A small, seeded PRNG (mulberry32): the same carts every run. */
export const random = prng

/**
 * A cart as real traffic sends it: 1 line (60 %), 2 (30 %) or 3 (10 %); the first line is one of
 * the hot apple specs `hotShare` of the time (70 % by default), the other lines any of the 200 specs.
 */
export function randomCart(rnd: () => number, { hotSpecIds, specIds }: Catalogue, hotShare = 0.7): { specId: number; quantity: number }[] {
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]
  const r = rnd()
  const lines = r < 0.6 ? 1 : r < 0.9 ? 2 : 3
  return Array.from({ length: lines }, (_, i) => (i === 0 && rnd() < hotShare ? { specId: pick(hotSpecIds), quantity: 1 + Math.floor(rnd() * 2) } : { specId: pick(specIds), quantity: 1 + Math.floor(rnd() * 3) }))
}

/** What the store holds after a run. */
export interface StoreFacts {
  stock: Record<number, number>
  /** Quantity of each spec over all order lines. */
  itemQuantity: Record<number, number>
  checkouts: number
  orders: number
  orderEvents: number
  expiryJobs: number
}

export async function readFacts(db: Db): Promise<StoreFacts> {
  const count = async (query: ReturnType<typeof sql>) => num(rowsOf<{ n: unknown }>(await db.execute(query))[0].n)
  const pairs = async (query: ReturnType<typeof sql>) =>
    Object.fromEntries(rowsOf<{ k: unknown; v: unknown }>(await db.execute(query)).map((r) => [num(r.k), num(r.v)]))
  return {
    stock: await pairs(sql`select id as k, stock as v from product_specs`),
    itemQuantity: await pairs(sql`select spec_id as k, sum(quantity) as v from order_items group by spec_id`),
    checkouts: await count(sql`select count(*) as n from checkouts`),
    orders: await count(sql`select count(*) as n from orders`),
    orderEvents: await count(sql`select count(*) as n from order_events`),
    expiryJobs: await count(sql`select count(*) as n from jobs where kind = 'expire_checkout'`),
  }
}
