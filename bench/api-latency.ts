/**
 * `npm run bench:api` — budget P4: each first-screen API call p95 ≤ 100 ms and ≤ 30 KB.
 *
 * For each store it starts the real app (bench-app.ts) on the demo store `npm start` loads
 * (seedDemoStore: the demo catalogue and six weeks of the demo cooperative's sales), signs in the
 * three demo personas, lets the demo buyer place a few orders with the demo farmer (most paid in
 * the sandbox, so the farmer has a to-ship queue and the buyer an order list), then times the
 * calls each main page makes on its first screen, over real HTTP, one at a time: every call once
 * per round, `--runs` rounds, so a burst of load on the machine spreads over all calls.
 *
 *   npm run bench:api -- [--store=postgres|pglite] [--runs=200] [--log-level=warn]
 */
import os from 'node:os'
import { sql } from 'drizzle-orm'
import type { Db } from '../server/src/db/client'
import { num, rowsOf } from '../server/src/sql/rows'
import { seedDemoStore, type DemoStoreResult } from '../server/src/seed/demo-store'
import { addWeeks, currentWeek } from '@domain/weeks'
import { startBenchApp, type BenchApp } from './bench-app'
import { createTarget, type StoreKind } from './bench-store'
import { createHttpClient, type HttpClient } from './http-client'
import { loadAvg, ms, parseArgs, storesFrom, summarize } from './stats'

const args = parseArgs()
const STORES = storesFrom(args)
const RUNS = Number(args.runs ?? 200)
const WARMUP = 10
const P4_MS = 100
const P4_KB = 30

interface Call {
  page: string
  what: string
  method: 'GET' | 'POST'
  path: string
  auth?: string
  json?: unknown
}

async function scalar(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  return num(Object.values(rowsOf<Record<string, unknown>>(await db.execute(query))[0])[0])
}

async function call(client: HttpClient, c: Pick<Call, 'method' | 'path' | 'auth' | 'json'>, headers: Record<string, string> = {}) {
  const res = await client.request(c.method, c.path, { headers: { ...(c.auth ? { authorization: c.auth } : {}), ...headers }, json: c.json })
  if (res.status >= 300) throw new Error(`${c.method} ${c.path}: ${res.status} ${res.body.slice(0, 300)}`)
  return res
}

/** Signs the demo personas in and gives the demo buyer some orders: placed, most of them paid. */
async function prepare(t: BenchApp, client: HttpClient) {
  const bearer = async (openid: string) => `Bearer ${await t.login(openid)}`
  const buyer = await bearer('demo-buyer-openid')
  const farmer = await bearer('demo-farmer-openid')
  const coop = await bearer('demo-coop-openid')
  const db = t.store.db
  const farmerId = await scalar(db, sql`select f.id from farmers f join users u on u.id = f.user_id where u.openid = 'demo-farmer-openid'`)
  const specs = rowsOf<{ id: unknown; farmer_id: unknown }>(
    await db.execute(sql`select s.id, p.farmer_id from product_specs s join products p on p.id = s.product_id join farmers f on f.id = p.farmer_id
                          where p.status = 'on_sale' and p.review_status = 'approved' and f.active and s.stock > 100 order by s.id`),
  ).map((r) => ({ id: num(r.id), farmerId: num(r.farmer_id) }))
  const own = specs.filter((s) => s.farmerId === farmerId).map((s) => s.id)
  const others = specs.filter((s) => s.farmerId !== farmerId)
  if (own.length === 0 || others.length === 0) throw new Error('the demo data has no spec on sale for the demo farmer or the others')

  const address = JSON.parse(
    (await call(client, { method: 'POST', path: '/api/v1/addresses', auth: buyer, json: { name: '林晓', phone: '13800000000', province: '贵州省', city: '贵阳市', district: '观山湖区', detail: '林城西路 1 号' } })).body,
  ) as { id: number }
  const orderIds: number[] = []
  for (let i = 0; i < 14; i += 1) {
    const items = [{ specId: own[i % own.length], quantity: 1 + (i % 3) }, ...(i % 3 === 0 ? [{ specId: others[i % others.length].id, quantity: 1 }] : [])]
    const placed = JSON.parse((await call(client, { method: 'POST', path: '/api/v1/orders', auth: buyer, json: { items, addressId: address.id } }, { 'idempotency-key': `bench-api-${i}` })).body) as {
      id: number
      orders: { id: number }[]
    }
    orderIds.push(...placed.orders.map((o) => o.id))
    if (i % 5 === 4) continue // left unpaid, as some are
    const paid = JSON.parse((await call(client, { method: 'POST', path: `/api/v1/checkouts/${placed.id}/pay`, auth: buyer })).body) as { requestPayment: { package: string } }
    t.app.sandbox!.pay.userPays(paid.requestPayment.package.replace('prepay_id=', ''))
    await t.app.sandbox!.pay.whenIdle()
  }
  const toShip = await scalar(db, sql`select count(*) from orders where farmer_id = ${farmerId} and status = 'paid'`)
  return { buyer, farmer, coop, farmerId, orderId: orderIds[0], cart: [{ specId: own[0], quantity: 2 }, { specId: own[1 % own.length], quantity: 1 }, { specId: others[0].id, quantity: 1 }], toShip }
}

function calls(p: Awaited<ReturnType<typeof prepare>>, productId: number): Call[] {
  const week = currentWeek()
  const lastWeek = addWeeks(week, -1)
  return [
    { page: 'home', what: 'categories', method: 'GET', path: '/api/v1/categories' },
    { page: 'home', what: 'products in season (20)', method: 'GET', path: '/api/v1/products?inSeason=true' },
    { page: 'category', what: 'products of 水果 (20)', method: 'GET', path: '/api/v1/products?category=fruit' },
    { page: 'search', what: 'search 苹果', method: 'GET', path: `/api/v1/products?q=${encodeURIComponent('苹果')}` },
    { page: 'product', what: 'product detail', method: 'GET', path: `/api/v1/products/${productId}` },
    { page: 'farmer', what: 'farmer profile', method: 'GET', path: `/api/v1/farmers/${p.farmerId}` },
    { page: 'cart', what: 'cart preview (3 lines, 2 farmers)', method: 'POST', path: '/api/v1/checkout/preview', auth: p.buyer, json: { items: p.cart } },
    { page: 'checkout', what: 'my addresses', method: 'GET', path: '/api/v1/addresses', auth: p.buyer },
    { page: 'mine', what: 'me', method: 'GET', path: '/api/v1/me', auth: p.buyer },
    { page: 'orders', what: 'my orders (10)', method: 'GET', path: '/api/v1/orders?limit=10', auth: p.buyer },
    { page: 'order', what: 'order detail', method: 'GET', path: `/api/v1/orders/${p.orderId}`, auth: p.buyer },
    { page: 'farmer home', what: 'farmer home', method: 'GET', path: '/api/v1/farmer/home', auth: p.farmer },
    { page: 'farmer orders', what: `to-ship queue (10 of ${p.toShip})`, method: 'GET', path: '/api/v1/farmer/orders?status=paid&limit=10', auth: p.farmer },
    { page: 'farmer products', what: 'my listings (50)', method: 'GET', path: '/api/v1/farmer/products?limit=50', auth: p.farmer },
    { page: 'coop home', what: `weekly report ${week}`, method: 'GET', path: `/api/v1/coop/reports/weekly?week=${week}`, auth: p.coop },
    { page: 'coop home', what: `weekly report ${lastWeek}`, method: 'GET', path: `/api/v1/coop/reports/weekly?week=${lastWeek}`, auth: p.coop },
    { page: 'coop impact', what: 'impact report', method: 'GET', path: `/api/v1/coop/reports/impact?week=${week}`, auth: p.coop },
    { page: 'coop statements', what: `statements ${week}`, method: 'GET', path: `/api/v1/coop/settlements?week=${week}`, auth: p.coop },
    { page: 'coop statements', what: `statements ${lastWeek}`, method: 'GET', path: `/api/v1/coop/settlements?week=${lastWeek}`, auth: p.coop },
    { page: 'coop members', what: 'members', method: 'GET', path: `/api/v1/coop/members?week=${week}`, auth: p.coop },
    { page: 'coop reviews', what: 'review queue', method: 'GET', path: '/api/v1/coop/reviews', auth: p.coop },
  ]
}

async function bench(kind: StoreKind): Promise<string[]> {
  console.log(`\n## ${kind}\n`)
  const target = await createTarget(kind, 'api')
  let seeded: DemoStoreResult | undefined
  const t = await startBenchApp(target, { logLevel: args['log-level'] ?? 'warn', prepare: async (store) => (seeded = await seedDemoStore(store.db)) })
  const client = createHttpClient(t.baseUrl, 1)
  const over: string[] = []
  try {
    const db = t.store.db
    const products = await scalar(db, sql`select count(*) from products`)
    console.log(
      `  demo store: ${products} products, ${seeded?.sales?.orders ?? 0} past orders of the demo cooperative; open store + migrations ${ms(t.timings.openMs)} ms, ` +
        `seedDemoStore ${ms(t.timings.prepareMs)} ms, buildApp ${ms(t.timings.buildAppMs)} ms`,
    )
    const p = await prepare(t, client)
    const home = JSON.parse((await call(client, { method: 'GET', path: '/api/v1/products?inSeason=true' })).body) as { items: { id: number }[] }
    const list = calls(p, home.items[0].id)
    for (let i = 0; i < WARMUP; i += 1) for (const c of list) await call(client, c)
    const timings = list.map(() => [] as number[])
    const sizes = list.map(() => 0)
    console.log(`  ${list.length} calls × ${RUNS} rounds, one at a time, load avg before ${loadAvg()}\n`)
    for (let r = 0; r < RUNS; r += 1) {
      for (const [i, c] of list.entries()) {
        const res = await call(client, c)
        timings[i].push(res.ms)
        sizes[i] = Math.max(sizes[i], res.bytes)
      }
    }
    console.log('| page | call | p50 ms | p95 ms | max ms | KB | P4 |\n| --- | --- | --- | --- | --- | --- | --- |')
    for (const [i, c] of list.entries()) {
      const s = summarize(timings[i])
      const kb = sizes[i] / 1024
      const verdict = s.p95 <= P4_MS && kb <= P4_KB ? 'ok' : `**OVER** (${[s.p95 > P4_MS ? 'time' : '', kb > P4_KB ? 'size' : ''].filter(Boolean).join(', ')})`
      if (verdict !== 'ok') over.push(`${kind}: ${c.page} — ${c.what}`)
      console.log(`| ${c.page} | ${c.what} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${kb.toFixed(1)} | ${verdict} |`)
    }
    console.log(`\n  load avg after: ${loadAvg()}`)
  } finally {
    client.close()
    await t.close()
    await target.cleanup()
  }
  return over
}

async function main(): Promise<void> {
  console.log(`First-screen API bench — ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}, load avg ${loadAvg()}`)
  const over: string[] = []
  for (const kind of STORES) over.push(...(await bench(kind)))
  console.log(`\nP4 (each first-screen call p95 ≤ ${P4_MS} ms and ≤ ${P4_KB} KB): ${over.length === 0 ? 'met by every call' : `NOT MET by ${over.join('; ')}`}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
