/**
 * Builds the Fastify app (used by main.ts and by the tests through app.inject()).
 */
import crypto from 'node:crypto'
import type { AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { Type } from '@sinclair/typebox'
import { sql } from 'drizzle-orm'
import type { Config } from './config'
import type { Store } from './db/client'
import { ErrorBody, frameworkErrors, installErrorHandling } from './http/errors'
import { registerAuth } from './modules/auth'
import { registerCatalog } from './modules/catalog'
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
import { SandboxStore } from './wechat/sandbox/sandbox-store'
import { loggerOptions, type LogStream } from './http/log-redaction'
import { registerJobFailures } from './modules/job-failures'
import { createAccessTokens } from './wechat/access-token'
import { sandboxRoutes } from './wechat/sandbox/sandbox-routes'
import { h5Fallback } from './http/h5'
import { installValidation } from './http/validation'
import { clientErrorHandler, HTTP_LIMITS, installUrlLimit } from './http/client-errors'
import { installControlCharacterGuard } from './http/control-characters'
import { installAuthFirst } from './http/auth-first'
import { installRateLimits } from './http/rate-limits'
import { installSecurityHeaders, trustProxyOption } from './http/security-headers'
import { registerCoopReports } from './modules/coop-reports'
import { registerSettlements } from './modules/settlements'
import { registerMembers } from './modules/members'
import { registerHouseholds } from './modules/households'
import { registerUploads } from './modules/uploads'
import { registerFarmerListings } from './modules/farmer-listings'
import { registerInvites } from './modules/invites'
import { registerFulfilment } from './modules/fulfilment'
import { registerAfterSales } from './modules/after-sales'
import { registerFreight } from './modules/freight'
import { registerTracking } from './modules/tracking'

export const SANDBOX_PREFIX = '/sandbox/wechat'

export interface AppDeps {
  config: Config
  store: Store
  clock?: () => Date
  /** Tests shorten the sandbox merchant's notification retries and refund delay. */
  paySandbox?: Partial<PaySandboxOptions>
  /** Tests read the log here (with LOG_LEVEL other than silent); secrets are redacted (http/log-redaction.ts). */
  logStream?: LogStream
}

export interface Sandbox {
  /** Where every fake keeps its state (sandbox_records): shared by all instances on the store. */
  store: SandboxStore
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

export async function buildApp({ config, store, clock = () => new Date(), paySandbox, logStream }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel, logStream),
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
    // Behind a reverse proxy (TRUST_PROXY): request.ip and request.protocol come from X-Forwarded-*.
    trustProxy: trustProxyOption(config.trustProxy),
    // Node's parser refuses a request head over this size (431) before Fastify: clientErrorHandler answers it.
    http: { maxHeaderSize: HTTP_LIMITS.maxHeaderBytes },
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>()

  installErrorHandling(app)
  installValidation(app)
  installUrlLimit(app)
  installControlCharacterGuard(app)
  const authFirst = installAuthFirst(app)
  await installSecurityHeaders(app, config)
  const rateLimits = await installRateLimits(app, config)
  app.addSchema(ErrorBody)
  await app.register(swagger, {
    openapi: {
      info: { title: 'Xiangji 乡集 API', version: '1.0.0', description: 'Village market: catalogue, identity, orders.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  const self = () => ownBaseUrl(app)
  const sandboxStore = new SandboxStore(store.db)
  const onSandboxError = (err: unknown) => app.log.error({ err }, 'pay sandbox background work failed')
  const pay = await setUpWechatPay(config, self, sandboxStore, { onError: onSandboxError, ...paySandbox }, () => clock().getTime())
  const sandbox: Sandbox | null = pay.sandbox
    ? {
        store: sandboxStore,
        loginCodes: new SandboxLoginCodes(sandboxStore, config.wechat.appId, config.wechat.appSecret),
        accessTokens: new SandboxAccessTokens(sandboxStore, config.wechat.appId, config.wechat.appSecret, () => clock().getTime()),
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
    await sandbox?.pay.close()
  })
  // Deliveries and refund steps pending in the store (a restart's, a dead instance's) resume once we listen.
  if (sandbox) app.addHook('onListen', async () => void sandbox.pay.start().catch(onSandboxError))

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
  authFirst.resolveWith(ctx.auth)
  rateLimits.identifyUsersWith(ctx.auth)
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
  await registerHouseholds(ctx)
  await registerAfterSales(ctx)
  await registerFreight(ctx)
  await registerTracking(ctx)
  await registerJobFailures(ctx)
  // ---- end of module registrations ----

  if (sandbox) {
    await app.register(sandboxRoutes, { prefix: SANDBOX_PREFIX, loginCodes: sandbox.loginCodes, accessTokens: sandbox.accessTokens })
    await app.register(paySandboxRoutes, { prefix: PAY_SANDBOX_PREFIX, sandbox: sandbox.pay })
  }

  // /media/<key> is served by the uploads module from its media store (MEDIA_STORE).
  await h5Fallback(app, config.h5Dir)
  return app
}
