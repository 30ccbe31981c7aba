/**
 * `npm run bench:placement` — budgets P5 and P7: order placement over HTTP.
 *
 * For each store it starts the real app in a child process (placement-server.ts: real config,
 * store, buildApp, a loopback port), which builds a cooperative with 20 farmers and 200 specs
 * (4 hot apple specs most carts hit) and N signed-in buyers with addresses. This process then
 * drives POST /api/v1/orders with C concurrent keep-alive clients for a fixed time, and
 * afterwards checks in the store that stock fell by exactly what was ordered and that there is
 * one checkout per success (nothing lost, nothing doubled). On PostgreSQL it then runs pgbench
 * (TPC-B-like) in the bench's own database on the same server, for P5's ratio; PGlite's
 * placement rate is compared with PostgreSQL's for P7, and the PGlite store's start is timed
 * (first start on an empty data dir, then a reopen of the same dir).
 *
 *   npm run bench:placement -- [--store=postgres|pglite] [--clients=8] [--duration=20] [--warmup=3]
 *                              [--buyers=200] [--hot-share=0.7] [--pgbench-duration=20] [--no-pgbench] [--log-level=warn]
 *                              [--profile=DIR]  (a V8 CPU profile of the server process)
 *   PostgreSQL: BENCH_DATABASE_URL (default postgres://127.0.0.1:5432/test); the bench creates its
 *   own database xiangji_bench_placement there and drops it afterwards. PGlite: a temporary directory.
 */
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { fork, spawn, type ChildProcess } from 'node:child_process'
import { Client } from 'pg'
import { pgConnection } from '../server/src/db/client'
import { createTarget, type BenchTarget, type StoreKind } from './bench-store'
import { createHttpClient } from './http-client'
import { random, randomCart } from './placement-data'
import type { FromServer, ToServer } from './placement-server'
import { loadAvg, ms, parseArgs, storesFrom, summarize, type Summary } from './stats'

const args = parseArgs()
const STORES = storesFrom(args)
const CLIENTS = Number(args.clients ?? 8)
const DURATION_S = Number(args.duration ?? 20)
const WARMUP_S = Number(args.warmup ?? 3)
const BUYERS = Number(args.buyers ?? 200)
/** Share of carts whose first line is one of the 4 hot apple specs. */
const HOT_SHARE = Number(args['hot-share'] ?? 0.7)
const PGBENCH = args['no-pgbench'] !== 'true'
const PGBENCH_S = Number(args['pgbench-duration'] ?? 20)
const PGBENCH_BIN = process.env.PGBENCH ?? '/usr/bin/pgbench'
const LOG_LEVEL = args['log-level'] ?? 'warn'
/** Writes a V8 CPU profile of the server process into this directory (open it in Chrome DevTools). */
const PROFILE_DIR = args.profile

type Ready = Extract<FromServer, { type: 'ready' }>
type Facts = Extract<FromServer, { type: 'facts' }>

// ------------------------------------------------------------------ the server process

interface Server {
  child: ChildProcess
  ready: Ready
  ask<T extends FromServer['type']>(message: ToServer, answer: T): Promise<Extract<FromServer, { type: T }>>
}

function nextMessage<T extends FromServer['type']>(child: ChildProcess, type: T): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromServer) => {
      if (message.type !== type) return
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(message as Extract<FromServer, { type: T }>)
    }
    const onExit = (code: number | null) => reject(new Error(`the bench server exited (code ${code}) before sending "${type}"`))
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/** Every server process started, so a failing run can stop its own children. */
const children: ChildProcess[] = []

async function startServer(target: BenchTarget, mode: 'run' | 'start'): Promise<Server> {
  const flags = [`--mode=${mode}`, `--store=${target.kind}`, `--data-dir=${target.dataDir}`, `--buyers=${BUYERS}`, `--log-level=${LOG_LEVEL}`]
  if (target.databaseUrl) flags.push(`--database-url=${target.databaseUrl}`)
  // The child gets this process's execArgv, so tsx loads it as it loads this file.
  const execArgv = PROFILE_DIR && mode === 'run' ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : process.execArgv
  const child = fork(path.join(__dirname, 'placement-server.ts'), flags, { stdio: 'inherit', execArgv })
  children.push(child)
  const ready = await nextMessage(child, 'ready')
  return {
    child,
    ready,
    ask(message, answer) {
      const reply = nextMessage(child, answer)
      child.send(message)
      return reply
    },
  }
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  await server.ask({ type: 'close' }, 'closed')
  await exited
}

function startLine(label: string, r: Ready): string {
  const t = r.timings
  return `| ${label} | ${ms(r.modulesLoadedMs)} | ${ms(t.openMs)} | ${ms(t.buildAppMs)} | ${ms(t.listenMs)} | **${ms(r.sinceProcessStartMs)}** | ${loadAvg()} |`
}

// ------------------------------------------------------------------ the load

interface DriveResult {
  /** Placements (HTTP 201) completed inside the measured window, per second. */
  placementsPerS: number
  ordersPerS: number
  latency: Summary
  /** Over the whole run, warm-up included: every answer that was not a 201, and transport errors. */
  failed: number
  failures: Record<string, number>
  failureSamples: string[]
  successes: number
  ordersCreated: number
  ordered: Map<number, number>
  requests: number
  /** CPU this process (the load generator) used, per request. */
  clientCpuMs: number
}

async function drive(ready: Ready): Promise<DriveResult> {
  const setup = ready.setup!
  const client = createHttpClient(ready.baseUrl, CLIENTS)
  const run = crypto.randomBytes(4).toString('hex')
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  const measureFrom = start + WARMUP_S * 1000
  const end = measureFrom + DURATION_S * 1000
  const latencies: number[] = []
  const ordered = new Map<number, number>()
  const failures: Record<string, number> = {}
  const failureSamples: string[] = []
  let requests = 0
  let successes = 0
  let ordersCreated = 0
  let measuredPlacements = 0
  let measuredOrders = 0

  async function worker(w: number): Promise<void> {
    const rnd = random(1000 + w)
    for (let i = 0; performance.now() < end; i += 1) {
      const buyer = setup.buyers[(w + i * CLIENTS) % setup.buyers.length]
      const items = randomCart(rnd, setup.catalogue, HOT_SHARE)
      requests += 1
      let status = 'error'
      let body = ''
      let latency = 0
      try {
        const res = await client.request('POST', '/api/v1/orders', {
          headers: { authorization: buyer.authorization, 'idempotency-key': `bench-${run}-${w}-${i}` },
          json: { items, addressId: buyer.addressId },
        })
        status = String(res.status)
        body = res.body
        latency = res.ms
      } catch (err) {
        body = (err as Error).message
      }
      const done = performance.now()
      if (status !== '201') {
        failures[status] = (failures[status] ?? 0) + 1
        if (failureSamples.length < 3) failureSamples.push(`${status} ${body.slice(0, 200)}`)
        continue
      }
      const orders = (JSON.parse(body) as { orders: unknown[] }).orders.length
      successes += 1
      ordersCreated += orders
      for (const { specId, quantity } of items) ordered.set(specId, (ordered.get(specId) ?? 0) + quantity)
      if (done >= measureFrom && done <= end) {
        measuredPlacements += 1
        measuredOrders += orders
        latencies.push(latency)
      }
    }
  }

  await Promise.all(Array.from({ length: CLIENTS }, (_, w) => worker(w)))
  client.close()
  const cpu = process.cpuUsage(cpuBefore)
  return {
    placementsPerS: measuredPlacements / DURATION_S,
    ordersPerS: measuredOrders / DURATION_S,
    latency: summarize(latencies),
    failed: Object.values(failures).reduce((s, n) => s + n, 0),
    failures,
    failureSamples,
    successes,
    ordersCreated,
    ordered,
    requests,
    clientCpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, requests),
  }
}

/** Compares what the clients were told with what the store holds; returns the problems found. */
function verify(result: DriveResult, ready: Ready, { facts }: Facts): string[] {
  const problems: string[] = []
  const { catalogue, stock } = ready.setup!
  for (const specId of catalogue.specIds) {
    const ordered = result.ordered.get(specId) ?? 0
    const taken = stock - (facts.stock[specId] ?? NaN)
    const lines = facts.itemQuantity[specId] ?? 0
    if (taken !== ordered || lines !== ordered) problems.push(`spec ${specId}: ordered ${ordered}, stock fell by ${taken}, order lines hold ${lines}`)
  }
  if (facts.checkouts !== result.successes) problems.push(`${facts.checkouts} checkouts in the store for ${result.successes} successful placements`)
  if (facts.orders !== result.ordersCreated) problems.push(`${facts.orders} orders in the store, the 201 answers listed ${result.ordersCreated}`)
  if (facts.orderEvents !== facts.orders) problems.push(`${facts.orderEvents} order events for ${facts.orders} orders`)
  if (facts.expiryJobs !== facts.checkouts) problems.push(`${facts.expiryJobs} expiry jobs for ${facts.checkouts} checkouts`)
  return problems
}

/**
 * On PostgreSQL, samples pg_stat_activity of the bench database every 100 ms while the load runs:
 * how many of the app's connections are running a statement, and how many wait for a lock (the hot rows).
 */
async function sampleBackends(url: string): Promise<() => Promise<string>> {
  const client = new Client(pgConnection(url))
  await client.connect()
  const samples: { active: number; lockWaits: number }[] = []
  const timer = setInterval(() => {
    client
      .query(`select count(*) filter (where state = 'active')::int as active, count(*) filter (where wait_event_type = 'Lock')::int as "lockWaits"
                from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)
      .then((r) => samples.push(r.rows[0] as { active: number; lockWaits: number }), () => undefined)
  }, 100)
  return async () => {
    clearInterval(timer)
    await client.end()
    const mean = (f: (s: { active: number; lockWaits: number }) => number) => (samples.reduce((a, s) => a + f(s), 0) / Math.max(1, samples.length)).toFixed(1)
    return `backends running a statement ${mean((s) => s.active)} on average, waiting for a row lock ${mean((s) => s.lockWaits)} (${samples.length} samples of pg_stat_activity)`
  }
}

// ------------------------------------------------------------------ pgbench

function run(cmd: string, argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}:\n${out}`))))
  })
}

async function pgbench(url: string): Promise<number> {
  const t0 = performance.now()
  await run(PGBENCH_BIN, ['-i', '-s', '10', '-q', url])
  console.log(`\n  pgbench -i -s 10 in the same database: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const out = await run(PGBENCH_BIN, ['-c', '8', '-j', '2', '-T', String(PGBENCH_S), url])
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? NaN)
  const latency = /latency average = ([\d.]+ ms)/.exec(out)?.[1] ?? '?'
  const failed = /number of failed transactions: (\d+)/.exec(out)?.[1] ?? '?'
  console.log(`  pgbench -c 8 -j 2 -T ${PGBENCH_S} (TPC-B-like): **${tps.toFixed(0)} tps**, latency average ${latency}, failed ${failed} (load avg ${loadAvg()})`)
  return tps
}

// ------------------------------------------------------------------ main

interface StoreResult {
  drive: DriveResult
  firstStartMs: number
  reopenMs: number
  pgbenchTps: number | null
  problems: string[]
}

async function bench(kind: StoreKind): Promise<StoreResult> {
  console.log(`\n## ${kind}\n`)
  const target = await createTarget(kind, 'placement')
  try {
    console.log('| start | modules loaded ms | open store + migrations ms | buildApp ms | listen ms | process start → listening ms | load avg |\n| --- | --- | --- | --- | --- | --- | --- |')
    const server = await startServer(target, 'run')
    console.log(startLine('first start, empty store', server.ready))
    const setup = server.ready.setup!
    console.log(`\n  catalogue (20 farmers, ${setup.catalogue.specIds.length} specs, ${setup.catalogue.hotSpecIds.length} hot) and ${setup.buyers.length} buyers set up in ${(setup.setupMs / 1000).toFixed(1)} s`)
    console.log(`  driving POST /api/v1/orders: ${CLIENTS} clients, ${WARMUP_S} s warm-up + ${DURATION_S} s measured, ${Math.round(HOT_SHARE * 100)} % of carts start with a hot apple spec (load avg before ${loadAvg()})`)
    const backends = target.databaseUrl ? await sampleBackends(target.databaseUrl) : null
    const result = await drive(server.ready)
    const loadAfter = loadAvg()
    const backendLine = await backends?.()
    const facts = await server.ask({ type: 'facts' }, 'facts')
    await stopServer(server)

    const l = result.latency
    console.log('\n| store | clients | placements/s | orders/s | p50 ms | p95 ms | p99 ms | max ms | failed | load avg after |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    console.log(`| ${kind} | ${CLIENTS} | **${result.placementsPerS.toFixed(0)}** | ${result.ordersPerS.toFixed(0)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${result.failed} | ${loadAfter} |`)
    if (result.failed > 0) console.log(`\n  FAILURES by status: ${JSON.stringify(result.failures)}; e.g. ${result.failureSamples.join(' | ')}`)
    const perPlacement = (n: number) => (n / result.requests).toFixed(1)
    console.log(
      `\n  CPU per placement: server process ${perPlacement(facts.serverCpuMs)} ms (${((100 * facts.serverCpuMs) / ((WARMUP_S + DURATION_S) * 1000)).toFixed(0)} % of one core over the run), ` +
        `load generator ${result.clientCpuMs.toFixed(1)} ms`,
    )
    if (facts.sqlStatements !== null) console.log(`  SQL statements sent per placement (BEGIN/COMMIT and the job poller included): ${perPlacement(facts.sqlStatements)}`)
    if (backendLine) console.log(`  during the run: ${backendLine}`)

    const problems = verify(result, server.ready, facts)
    console.log(
      problems.length === 0
        ? `  verified in the store: ${facts.facts.checkouts} checkouts = ${result.successes} successes, ${facts.facts.orders} orders, stock of all ${setup.catalogue.specIds.length} specs fell by exactly the quantities ordered — nothing lost or doubled`
        : `  VERIFICATION FAILED:\n    ${problems.slice(0, 10).join('\n    ')}`,
    )

    const reopen = await startServer(target, 'start')
    console.log(`\n| start | modules loaded ms | open store + migrations ms | buildApp ms | listen ms | process start → listening ms | load avg |\n| --- | --- | --- | --- | --- | --- | --- |`)
    console.log(startLine(`reopen, ${facts.facts.orders.toLocaleString('en')} orders in the store`, reopen.ready))
    await stopServer(reopen)

    const pgbenchTps = kind === 'postgres' && PGBENCH ? await pgbench(target.databaseUrl!) : null
    return { drive: result, firstStartMs: server.ready.sinceProcessStartMs, reopenMs: reopen.ready.sinceProcessStartMs, pgbenchTps, problems }
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill()
    await target.cleanup()
  }
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET')

async function main(): Promise<void> {
  console.log(`Placement bench — ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}, load avg ${loadAvg()}`)
  const results: Partial<Record<StoreKind, StoreResult>> = {}
  for (const kind of STORES) results[kind] = await bench(kind)

  console.log('\n## Budgets\n')
  const pg = results.postgres
  const lite = results.pglite
  if (pg?.pgbenchTps) {
    const share = (100 * pg.drive.placementsPerS) / pg.pgbenchTps
    console.log(`- P5 throughput: ${pg.drive.placementsPerS.toFixed(0)} placements/s = **${share.toFixed(0)} %** of pgbench's ${pg.pgbenchTps.toFixed(0)} tps (≥ 50 %): ${verdict(share >= 50)}`)
  }
  if (pg) {
    console.log(`- P5 p99: ${ms(pg.drive.latency.p99)} ms (≤ 50 ms): ${verdict(pg.drive.latency.p99 <= 50)}`)
    console.log(`- P5 failed orders: ${pg.drive.failed} (0), lost or doubled: ${pg.problems.length === 0 ? 'none' : pg.problems.length} : ${verdict(pg.drive.failed === 0 && pg.problems.length === 0)}`)
  }
  if (lite && pg) {
    const share = (100 * lite.drive.placementsPerS) / pg.drive.placementsPerS
    console.log(`- P7 PGlite placement: ${lite.drive.placementsPerS.toFixed(0)}/s = **${share.toFixed(0)} %** of PostgreSQL's ${pg.drive.placementsPerS.toFixed(0)}/s (≥ 40 %): ${verdict(share >= 40)}`)
  }
  if (lite) {
    const worst = Math.max(lite.firstStartMs, lite.reopenMs)
    console.log(`- P7 PGlite start: first ${(lite.firstStartMs / 1000).toFixed(1)} s, reopen ${(lite.reopenMs / 1000).toFixed(1)} s (≤ 6 s): ${verdict(worst <= 6000)}`)
    console.log(`- PGlite failed orders: ${lite.drive.failed}, lost or doubled: ${lite.problems.length === 0 ? 'none' : lite.problems.length}`)
  }
  console.log(`\nload avg at the end: ${loadAvg()} (2 cores, shared with the load generator, pgbench and other people's work)`)
  if (Object.values(results).some((r) => r.problems.length > 0)) process.exitCode = 1
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
