/**
 * What app.ts hands each module that registers itself (farmer and cooperative sides):
 * shared services and the places to add routes, jobs and sandbox endpoints.
 */
import type { FastifyInstance } from 'fastify'
import type { Config } from './config'
import type { Db } from './db/client'
import type { JobHandler } from './jobs/job-runner'
import type { AuthService } from './modules/auth'
import type { AccessTokens } from './wechat/access-token'

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
  /** True when this server also plays WeChat (sandbox mode): modules mount their fakes under /sandbox/wechat. */
  sandboxMode: boolean
  /** Add durable job handlers here (kind → handler); the runner looks them up when a job is due. */
  jobHandlers: Record<string, JobHandler>
}
