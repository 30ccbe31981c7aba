/**
 * What app.ts hands every module it registers (`register<Name>(ctx)` in each module's door):
 * shared infrastructure, the signed-in user's service, and the places to add routes, jobs and
 * sandbox endpoints. Modules pass each other's services explicitly as a second argument.
 */
import type { FastifyInstance } from 'fastify'
import type { Config } from './config'
import type { Db } from './db/client'
import type { JobHandler } from './jobs/job-runner'
import type { AuthService } from './modules/auth'
import type { AccessTokens } from './wechat/access-token'
import type { WechatPayClient } from './wechat/pay/pay-client'

export interface ModuleContext {
  app: FastifyInstance
  config: Config
  db: Db
  clock: () => Date
  auth: AuthService
  /** access_token for WeChat's server APIs (content check, shipping info, subscribe messages). */
  accessTokens: AccessTokens
  /** Base URL of WeChat's server API: api.weixin.qq.com, or this server's sandbox. */
  wechatBase: () => string
  /** WeChat Pay as this server is set up for it: the live merchant or the sandbox's. */
  wechatPay: {
    client: WechatPayClient
    mchid: string
    /** Public base of our notify endpoints (https in production). */
    notifyBaseUrl: () => string
    /** Sandbox only: the cashier page URL for a prepay, returning to `returnPath`. */
    sandboxCashierUrl: ((prepayId: string, returnPath: string) => string) | null
  }
  /** True when this server also plays WeChat (sandbox mode): modules mount their fakes under /sandbox/wechat. */
  sandboxMode: boolean
  /** Add durable job handlers here (kind → handler); the runner looks them up when a job is due. */
  jobHandlers: Record<string, JobHandler>
}

/** The context before auth exists: what registerAuth gets. */
export type BaseContext = Omit<ModuleContext, 'auth'>
