/**
 * The real app for a bench: the server's own config (`loadConfig`), store (`openConfiguredStore`:
 * PostgreSQL when a database URL is given, else PGlite under the data dir) and `buildApp`,
 * listening on a real loopback port, with its job poller running as in `npm start`.
 * It satisfies the tests' `TestApp`, so the test builders (addBuyer, placeOrder, …) work on it.
 */
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import type { Store } from '../server/src/db/client'
import { openConfiguredStore } from '../server/src/store'
import { sandboxLogin, type TestApp } from '../test/support/app'
import type { BenchTarget } from './bench-store'

export interface StartTimings {
  /** Open the store and apply the migrations (on an empty store: create every table). */
  openMs: number
  /** Anything run between opening and building (e.g. seeding the demo data). */
  prepareMs: number
  buildAppMs: number
  listenMs: number
}

export interface BenchApp extends TestApp {
  baseUrl: string
  timings: StartTimings
}

export interface BenchAppOptions {
  /** LOG_LEVEL of the server; `warn` by default so request logs do not weigh on the figures. */
  logLevel?: string
  /** Runs on the opened store before the app is built (as main.ts seeds the demo data). */
  prepare?: (store: Store) => Promise<unknown>
}

export async function startBenchApp(target: BenchTarget, { logLevel = 'warn', prepare }: BenchAppOptions = {}): Promise<BenchApp> {
  const config = loadConfig({
    LOG_LEVEL: logLevel,
    HOST: '127.0.0.1',
    PORT: '0',
    XIANGJI_DATA_DIR: target.dataDir,
    XIANGJI_H5_DIR: path.join(os.tmpdir(), 'xiangji-bench-no-h5'),
    // A bench is one client machine hammering on purpose: the per-IP and per-user limits would measure themselves.
    RATE_LIMITS: 'off',
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
  })
  let t = performance.now()
  const lap = () => {
    const now = performance.now()
    const elapsed = now - t
    t = now
    return elapsed
  }
  const store = await openConfiguredStore(config)
  const openMs = lap()
  if (prepare) await prepare(store)
  const prepareMs = lap()
  const app = await buildApp({ config, store })
  const buildAppMs = lap()
  await app.listen({ port: 0, host: '127.0.0.1' })
  const listenMs = lap()
  app.jobs.start()
  const { port } = app.server.address() as AddressInfo
  return {
    app,
    store,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    timings: { openMs, prepareMs, buildAppMs, listenMs },
    login: (openid) => sandboxLogin(app, openid),
    async close() {
      await app.close()
      await store.close()
    },
  }
}
