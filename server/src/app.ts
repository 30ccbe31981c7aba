/**
 * Builds the Fastify app (used by main.ts and by the tests through app.inject()).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import { Type } from '@sinclair/typebox'
import { sql } from 'drizzle-orm'
import type { Config } from './config'
import type { Store } from './db/client'
import { ErrorBody, frameworkErrors, installErrorHandling } from './http/errors'
import { registerAuth } from './modules/auth'
import { registerCatalog } from './modules/catalog'
import { MEDIA_PREFIX } from './modules/media'
import { registerAddresses } from './modules/addresses'
import { registerOrders } from './modules/orders'
import { orderRefundsOf, registerPayments } from './modules/payments'
import { registerOrderPayments } from './modules/order-payments'
import { registerSubscriptions } from './modules/subscriptions'
import { createJobRunner, type JobHandler, type JobRunner } from './jobs/job-runner'
import type { BaseContext, ModuleContext } from './module-context'
import { PAY_SANDBOX_PREFIX, setUpWechatPay } from './wechat/pay-setup'
import type { PaySandbox, PaySandboxOptions } from './wechat/sandbox/pay/pay-sandbox'
import { paySandboxRoutes } from './wechat/sandbox/pay/pay-sandbox-routes'
import { SandboxLoginCodes } from './wechat/sandbox/login-codes'
import { SandboxAccessTokens } from './wechat/sandbox/access-tokens'
import { createAccessTokens } from './wechat/access-token'
import { sandboxRoutes } from './wechat/sandbox/sandbox-routes'
import { h5Fallback } from './http/h5'
import { installValidation } from './http/validation'
import { registerCoopReports } from './modules/coop-reports'
import { registerSettlements } from './modules/settlements'
import { registerMembers } from './modules/members'
import { registerUploads } from './modules/uploads'
import { registerFarmerListings } from './modules/farmer-listings'
import { registerInvites } from './modules/invites'
import { registerFulfilment } from './modules/fulfilment'
import { registerAfterSales } from './modules/after-sales'
import { registerFreight } from './modules/freight'
import { registerTracking } from './modules/tracking'

export const SANDBOX_PREFIX = '/sandbox/wechat'
const DEMO_MEDIA_DIR = path.resolve(__dirname, '../assets/media')

export interface AppDeps {
  config: Config
  store: Store
  clock?: () => Date
  /** Tests shorten the sandbox merchant's notification retries and refund delay. */
  paySandbox?: Partial<PaySandboxOptions>
}

export interface Sandbox {
  loginCodes: SandboxLoginCodes
  accessTokens: SandboxAccessTokens
  pay: PaySandbox
  /** Fulfilment's fakes (set by registerFulfilment): shipping-info uploads and subscribe messages received. */
  shipping?: import('./wechat/sandbox/shipping-sandbox').ShippingSandbox
  subscribe?: import('./wechat/sandbox/subscribe-sandbox').SubscribeSandbox
  /** Tracking's sandbox courier (set by registerTracking when TRACKING_PROVIDER=sandbox). */
  courier?: import('./modules/tracking').SandboxCourier
}

declare module 'fastify' {
  interface FastifyInstance {
    sandbox: Sandbox | null
    /** Durable jobs: main.ts starts the poller; tests call runDue(now). */
    jobs: JobRunner
  }
}

/** Where this server itself listens, for calling its own sandbox over loopback. */
function ownBaseUrl(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo | null
  if (!address) throw new Error('the sandbox is reached over loopback: the server must be listening')
  const host = address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address
  return `http://${host}:${address.port}`
}

export async function buildApp({ config, store, clock = () => new Date(), paySandbox }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>()

  installErrorHandling(app)
  installValidation(app)
  app.addSchema(ErrorBody)
  await app.register(swagger, {
    openapi: {
      info: { title: 'Xiangji 乡集 API', version: '1.0.0', description: 'Village market: catalogue, identity, orders.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  const self = () => ownBaseUrl(app)
  const pay = setUpWechatPay(config, self, paySandbox, () => clock().getTime())
  const sandbox: Sandbox | null = pay.sandbox
    ? {
        loginCodes: new SandboxLoginCodes(config.wechat.appId, config.wechat.appSecret),
        accessTokens: new SandboxAccessTokens(config.wechat.appId, config.wechat.appSecret, () => clock().getTime()),
        pay: pay.sandbox,
      }
    : null
  app.decorate('sandbox', sandbox)
  const wechatBase = () => config.wechat.apiBaseUrl ?? `${self()}${SANDBOX_PREFIX}`
  const notifyBaseUrl = () => config.wechatPay?.notifyBaseUrl ?? self()
  /** access_token for WeChat's server APIs (content check, shipping info, subscribe messages). */
  const accessTokens = createAccessTokens({ baseUrl: wechatBase, appId: config.wechat.appId, appSecret: config.wechat.appSecret, now: () => clock().getTime() })

  const db = store.db
  /** Every module adds its durable jobs here (kind → handler); the runner looks them up when one is due. */
  const jobHandlers: Record<string, JobHandler> = {}
  const jobs = createJobRunner({ db, clock, log: app.log, handlers: jobHandlers })
  app.decorate('jobs', jobs)
  app.addHook('onClose', async () => {
    await jobs.stop()
    sandbox?.pay.close()
  })

  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: 'Liveness and store check', response: { 200: Type.Object({ ok: Type.Boolean(), store: Type.String() }) } } },
    async () => {
      await store.db.execute(sql`select 1`)
      return { ok: true, store: store.kind }
    },
  )
  // ---- every module registers itself: routes, jobs, sandbox fakes; one line each ----
  const base: BaseContext = {
    app,
    config,
    db,
    clock,
    accessTokens,
    wechatBase,
    wechatPay: {
      client: pay.client,
      mchid: pay.mchid,
      notifyBaseUrl,
      sandboxCashierUrl: sandbox
        ? (prepayId, returnPath) => `${PAY_SANDBOX_PREFIX}/cashier?prepay_id=${encodeURIComponent(prepayId)}&return=${encodeURIComponent(returnPath)}`
        : null,
    },
    sandboxMode: sandbox !== null,
    jobHandlers,
  }
  const ctx: ModuleContext = { ...base, auth: await registerAuth(base) }
  await registerCatalog(ctx)
  await registerAddresses(ctx)
  await registerSubscriptions(ctx)
  const payments = await registerPayments(ctx)
  const orders = await registerOrders(ctx, { refundsOf: orderRefundsOf })
  await registerOrderPayments(ctx, { orders, payments })
  await registerUploads(ctx)
  await registerFarmerListings(ctx)
  await registerInvites(ctx)
  await registerFulfilment(ctx)
  const settlements = await registerSettlements(ctx)
  await registerCoopReports(ctx, { settlements })
  await registerMembers(ctx)
  await registerAfterSales(ctx)
  await registerFreight(ctx)
  await registerTracking(ctx)
  // ---- end of module registrations ----

  if (sandbox) {
    await app.register(sandboxRoutes, { prefix: SANDBOX_PREFIX, loginCodes: sandbox.loginCodes, accessTokens: sandbox.accessTokens })
    await app.register(paySandboxRoutes, { prefix: PAY_SANDBOX_PREFIX, sandbox: sandbox.pay })
  }

  const mediaRoots = [DEMO_MEDIA_DIR, path.join(config.dataDir, 'media')].filter((dir) => fs.existsSync(dir))
  if (mediaRoots.length > 0) {
    await app.register(fastifyStatic, {
      root: mediaRoots,
      prefix: MEDIA_PREFIX,
      decorateReply: false,
      immutable: true,
      maxAge: '30d',
      index: false,
    })
  }
  await h5Fallback(app, config.h5Dir)
  return app
}
