/**
 * The server side of `npm run bench:placement`, run by placement.ts in a child process so the
 * load generator does not share the server's event loop. It starts the real app on the store it
 * is given, and talks to its parent over IPC:
 *
 *   --mode=run:   builds the catalogue and the buyers, sends `ready` (port, buyers, specs, start
 *                 timings), answers `facts` with what the store holds, stops on `close`.
 *   --mode=start: only starts the app on an existing store (to time a reopen), sends `ready`, stops on `close`.
 *
 *   --store=postgres --database-url=… | --store=pglite --data-dir=…  [--buyers=200] [--log-level=warn]
 */
import { startBenchApp, type StartTimings } from './bench-app'
import type { StoreKind } from './bench-store'
import { addBuyers, buildCatalogue, readFacts, STOCK, type BenchBuyer, type Catalogue, type StoreFacts } from './placement-data'
import { parseArgs } from './stats'

/** When this process's own code starts running: Node booted, tsx and the server's modules loaded. */
const modulesLoadedMs = performance.now()

export type ToServer = { type: 'facts' } | { type: 'close' }
export type FromServer =
  | {
      type: 'ready'
      baseUrl: string
      /** From process start to the app listening. */
      sinceProcessStartMs: number
      modulesLoadedMs: number
      timings: StartTimings
      setup: { catalogue: Catalogue; buyers: BenchBuyer[]; stock: number; setupMs: number } | null
    }
  | { type: 'facts'; facts: StoreFacts; sqlStatements: number | null; serverCpuMs: number }
  | { type: 'closed' }

const send = (message: FromServer) => process.send!(message)

/** On PostgreSQL, counts every statement node-postgres sends (BEGIN and COMMIT included). */
async function countStatements(): Promise<() => number> {
  const pg = await import('pg')
  let statements = 0
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown
  pg.Client.prototype.query = function counted(this: unknown, ...args: unknown[]) {
    statements += 1
    return query.apply(this, args)
  } as typeof pg.Client.prototype.query
  return () => statements
}

async function main(): Promise<void> {
  const args = parseArgs()
  const kind = args.store as StoreKind
  const target = { kind, databaseUrl: args['database-url'] ?? null, dataDir: args['data-dir'], cleanup: async () => undefined }
  const statements = kind === 'postgres' ? await countStatements() : null
  const t = await startBenchApp(target, { logLevel: args['log-level'] ?? 'warn' })
  const sinceProcessStartMs = performance.now()
  let setup = null
  if (args.mode === 'run') {
    const t0 = performance.now()
    const catalogue = await buildCatalogue(t.store.db)
    const buyers = await addBuyers(t, Number(args.buyers ?? 200))
    setup = { catalogue, buyers, stock: STOCK, setupMs: performance.now() - t0 }
  }
  const statementsAtReady = statements?.() ?? 0
  const cpuAtReady = process.cpuUsage()
  let closing = false
  // The parent went away without asking to close (Ctrl-C, a crash): do not linger.
  process.on('disconnect', () => closing || process.exit(1))
  process.on('message', async (message: ToServer) => {
    if (message.type === 'facts') {
      const sqlStatements = statements ? statements() - statementsAtReady : null
      const cpu = process.cpuUsage(cpuAtReady)
      send({ type: 'facts', facts: await readFacts(t.store.db), sqlStatements, serverCpuMs: (cpu.user + cpu.system) / 1000 })
    } else if (message.type === 'close') {
      closing = true
      await t.close()
      send({ type: 'closed' })
      process.disconnect()
    }
  })
  send({ type: 'ready', baseUrl: t.baseUrl, sinceProcessStartMs, modulesLoadedMs, timings: t.timings, setup })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
