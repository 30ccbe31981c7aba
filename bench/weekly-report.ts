/**
 * `npm run bench:report` — budget P6: the cooperative's weekly report over 1M orders ≤ 50 ms on
 * PostgreSQL. Generates a cooperative with 200 farmers and N orders over two years (see
 * weekly-report-data.ts), rebuilds the rollup, then times the report (p50/p95 of many runs)
 * through the same service the API uses, on PostgreSQL and on PGlite.
 *
 *   npm run bench:report -- --store=both|postgres|pglite --orders=1000000 --pglite-orders=1000000 --runs=200
 *   PostgreSQL: BENCH_DATABASE_URL (default postgres://127.0.0.1:5432/test); the bench creates and
 *   drops its own database there. PGlite: a temporary directory, removed afterwards (--keep keeps both).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { openStore, type Store } from '../server/src/db/client'
import { createReportService } from '../server/src/modules/coop-reports'
import { createSettlementService } from '../server/src/modules/settlements'
import { addWeeks, currentWeek, weekRange } from '@domain/weeks'
import { rebuildRollup } from '../server/src/modules/sales-rollup'
import { generate } from './weekly-report-data'
import { admin, databaseUrl } from './bench-store'
import { loadAvg, parseArgs, pct, storesFrom } from './stats'

const args = parseArgs()
const STORES = storesFrom(args)
const ORDERS = Number(args.orders ?? 1_000_000)
const PGLITE_ORDERS = Number(args['pglite-orders'] ?? ORDERS)
const RUNS = Number(args.runs ?? 200)
const KEEP = args.keep === 'true'
/** Reuse the PostgreSQL database a `--keep` run left (migrations run, the rollup is rebuilt, orders stay). */
const REUSE = args.reuse === 'true'
const NOW = new Date('2026-11-28T02:00:00Z')
const DB_NAME = 'xiangji_bench_report'

async function open(kind: string): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (kind === 'postgres') {
    if (!REUSE) {
      await admin(`drop database if exists ${DB_NAME} with (force)`)
      await admin(`create database ${DB_NAME}`)
    }
    const store = await openStore({ kind: 'postgres', url: databaseUrl(DB_NAME), maxConnections: 4 })
    return { store, cleanup: async () => (KEEP ? undefined : admin(`drop database if exists ${DB_NAME} with (force)`)) }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-bench-report-'))
  const store = await openStore({ kind: 'pglite', dataDir: path.join(dir, 'pglite') })
  return { store, cleanup: async () => (KEEP ? console.log(`  kept ${dir}`) : fs.rmSync(dir, { recursive: true, force: true })) }
}

async function time(label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 5; i += 1) await fn(i)
  const ms: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now()
    await fn(i)
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  const line = `| ${label} | ${runs} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 95).toFixed(1)} | ${ms[ms.length - 1].toFixed(1)} |`
  console.log(line)
  return line
}

async function scalar(store: Store, query: ReturnType<typeof sql>): Promise<string> {
  const result = (await store.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }
  return String(Object.values(result.rows[0])[0])
}

async function rebuildOnly(store: Store) {
  const t0 = performance.now()
  await rebuildRollup(store.db)
  await store.db.execute(sql`vacuum analyze`)
  return { cooperativeId: 1, loadMs: 0, rollupMs: performance.now() - t0 }
}

async function bench(kind: string): Promise<void> {
  const orders = kind === 'pglite' ? PGLITE_ORDERS : ORDERS
  console.log(`\n## ${kind}: ${orders.toLocaleString('en')} orders`)
  const t0 = performance.now()
  const { store, cleanup } = await open(kind)
  try {
    const { cooperativeId, loadMs, rollupMs } = REUSE && kind === 'postgres' ? await rebuildOnly(store) : await generate(store.db, orders, NOW)
    const rollupRows = Number(await scalar(store, sql`select count(*) from sales_daily`))
    const size = await scalar(store, sql`select pg_size_pretty(pg_database_size(current_database()))`)
    console.log(`  load ${(loadMs / 1000).toFixed(0)} s, rollup rebuild ${(rollupMs / 1000).toFixed(1)} s, ${rollupRows.toLocaleString('en')} rollup rows (~${Math.round(rollupRows / 104).toLocaleString('en')} a week), database ${size}`)
    const reports = createReportService({ db: store.db, clock: () => NOW })
    const settlements = createSettlementService({ db: store.db, clock: () => NOW })
    const week = currentWeek(NOW)
    const lastWeek = addWeeks(week, -1)
    const randomWeek = (i: number) => addWeeks(week, -((i * 37) % 100))
    console.log(`\n  load average before timing (1/5/15 min): ${loadAvg()} — other processes on the machine inflate the figures`)
    console.log('\n| what | runs | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- | --- |')
    await time(`weekly report, ${lastWeek} (same week each run)`, RUNS, () => reports.weekly(cooperativeId, lastWeek))
    await time('weekly report, a different week each run (2 years)', RUNS, (i) => reports.weekly(cooperativeId, randomWeek(i)))
    await time('impact report (8 weeks)', Math.ceil(RUNS / 2), (i) => reports.impact(cooperativeId, randomWeek(i)))
    await time('statements of a week (reads orders, not the rollup)', Math.ceil(RUNS / 4), (i) => settlements.list(cooperativeId, randomWeek(i)))
    await time('for contrast: the week’s totals from raw orders + items, no rollup', Math.ceil(RUNS / 4), (i) => {
      const { start, end } = weekRange(randomWeek(i))
      return store.db.execute(sql`select count(distinct o.id), sum(i.quantity), sum(i.line_total_fen) from orders o join order_items i on i.order_id = o.id
                                   where o.paid_at >= ${start.toISOString()}::timestamptz and o.paid_at < ${end.toISOString()}::timestamptz`)
    })
    await time('for contrast: 52-week total from raw order items', 5, () =>
      store.db.execute(sql`select sum(i.line_total_fen) from orders o join order_items i on i.order_id = o.id where o.paid_at >= ${weekRange(addWeeks(week, -51)).start.toISOString()}::timestamptz`),
    )
    console.log(`\n  load average after timing: ${loadAvg()}; ${kind} total ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  } finally {
    await store.close()
    await cleanup()
  }
}

async function main(): Promise<void> {
  console.log(`Weekly report bench — ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`)
  for (const kind of STORES) await bench(kind)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
