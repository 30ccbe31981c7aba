/**
 * A running app for API tests: its own store, listening on a free loopback port
 * (the sandbox's WeChat endpoints are reached over real HTTP), quiet logs.
 */
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/src/app'
import { loadConfig, type Config } from '../../server/src/config'
import type { Store } from '../../server/src/db/client'
import type { LogStream } from '../../server/src/http/log-redaction'
import type { PaySandboxOptions } from '../../server/src/wechat/sandbox/pay/pay-sandbox'
import { openTestStore, type TestStore } from './store'

export interface TestApp {
  app: FastifyInstance
  store: Store
  config: Config
  /** Signs in through the real login protocol (sandbox code → /api/v1/auth/login); returns the bearer token. */
  login(openid: string): Promise<string>
  close(): Promise<void>
}

/** Signs in through the real login protocol (a sandbox code → /api/v1/auth/login); returns the bearer token. */
export async function sandboxLogin(app: FastifyInstance, openid: string): Promise<string> {
  const code = app.sandbox!.loginCodes.issue(openid)
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { code } })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  return res.json().token as string
}

export interface TestAppOptions {
  clock?: () => Date
  paySandbox?: Partial<PaySandboxOptions>
  /** Build on this store (a second instance, or a restart) instead of a fresh one; close() leaves it open. */
  store?: Store
  /** Where the app logs (with LOG_LEVEL set in env). */
  logStream?: LogStream
  /** Listen on this port (a restarted instance taking over the one before); default: any free port. */
  port?: number
}

export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions | (() => Date) = {}): Promise<TestApp> {
  const { clock, paySandbox, store, logStream, port } = typeof options === 'function' ? { clock: options } : (options as TestAppOptions)
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    XIANGJI_DATA_DIR: path.join(os.tmpdir(), 'xiangji-test-none'),
    XIANGJI_H5_DIR: path.join(os.tmpdir(), 'xiangji-test-no-h5'),
    ...env,
  })
  const testStore: Pick<TestStore, 'store' | 'close'> = store ? { store, close: async () => undefined } : await openTestStore()
  const app = await buildApp({
    config,
    store: testStore.store,
    clock,
    // Notifications retried within milliseconds, refunds settled at once: tests wait with whenIdle().
    paySandbox: { retryScheduleMs: [20, 40, 80, 160], refundDelayMs: 10, ...paySandbox },
    logStream,
  })
  await app.listen({ port: port ?? 0, host: '127.0.0.1' })
  return {
    app,
    store: testStore.store,
    config,
    login: (openid) => sandboxLogin(app, openid),
    async close() {
      await app.close()
      await testStore.close()
    },
  }
}
