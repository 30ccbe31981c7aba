/**
 * Abuse limits (@fastify/rate-limit, `global: false`): a few routes, by method and path, get a
 * per-minute limit keyed by the client's IP (sign-in, the sandbox demo login, WeChat Pay's
 * notices) or by the signed-in user (uploads, placements: protected routes, so a caller without a
 * valid token is refused 401 by auth-first before it is counted).
 * Over the limit: 429 with Retry-After, in our `{error:{code,message}}` shape, or WeChat's
 * `{code,message}` on the notify routes. Counters live in Redis when REDIS_URL is set (shared by
 * every instance), else in this process. A Redis outage lets requests through (logged).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit'
import Redis from 'ioredis'
import type { ErrorCode } from '@contracts/errors'
import type { Config, RateLimitKind } from '../config'
import type { AuthService } from '../modules/auth'
import { requireUser } from './auth-guard'

type Answer = 'api' | 'login' | 'wechat'

interface LimitedRoute {
  method: 'POST'
  url: string
  kind: RateLimitKind
  key: 'ip' | 'user'
  answer: Answer
  /** Mounted in sandbox mode only. */
  sandboxOnly?: boolean
}

const LIMITED_ROUTES: readonly LimitedRoute[] = [
  { method: 'POST', url: '/api/v1/auth/login', kind: 'login', key: 'ip', answer: 'login' },
  { method: 'POST', url: '/sandbox/wechat/dev/login-code', kind: 'demoLogin', key: 'ip', answer: 'login', sandboxOnly: true },
  { method: 'POST', url: '/api/v1/uploads', kind: 'uploads', key: 'user', answer: 'api' },
  { method: 'POST', url: '/api/v1/orders', kind: 'orders', key: 'user', answer: 'api' },
  { method: 'POST', url: '/api/v1/payments/wechat/notify', kind: 'notify', key: 'ip', answer: 'wechat' },
  { method: 'POST', url: '/api/v1/refunds/wechat/notify', kind: 'notify', key: 'ip', answer: 'wechat' },
]

const WINDOW_MS = 60_000

export interface RateLimits {
  /** Hands over the auth service once it exists (routes may be added before). */
  identifyUsersWith(auth: AuthService): void
}

function tooMany(reply: FastifyReply, answer: Answer, retryAfter: number): FastifyReply {
  const message = `Too many requests; retry in ${retryAfter} s`
  reply.code(429).header('retry-after', retryAfter)
  if (answer === 'wechat') return reply.send({ code: 'RATE_LIMITED', message })
  const code: ErrorCode = answer === 'login' ? 'LOGIN_RATE_LIMITED' : 'RATE_LIMITED'
  return reply.send({ error: { code, message } })
}

async function openRedis(app: FastifyInstance, url: string): Promise<Redis> {
  // No offline queue: while Redis is away a check fails at once (and is let through) instead of waiting.
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5_000 })
  redis.on('error', (err: Error) => app.log.warn({ err: err.message }, 'rate limits: Redis unavailable, requests are not limited'))
  try {
    await redis.connect()
  } catch (err) {
    redis.disconnect()
    throw new Error(`REDIS_URL: cannot connect to Redis for the rate limits (${(err as Error).message})`)
  }
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect())
  })
  return redis
}

/** Call before any route is added. With RATE_LIMITS=off nothing is limited. */
export async function installRateLimits(app: FastifyInstance, config: Config): Promise<RateLimits> {
  let auth: AuthService | null = null
  const handle = { identifyUsersWith: (service: AuthService) => void (auth = service) }
  const limits = config.rateLimits
  if (!limits) return handle

  const redis = config.redisUrl ? await openRedis(app, config.redisUrl) : null
  await app.register(fastifyRateLimit, {
    global: false,
    skipOnError: true,
    ...(redis ? { redis, nameSpace: `${config.redisKeyPrefix}rate-limit:` } : {}),
  })

  const ipKey = (request: FastifyRequest) => `ip:${normalizeIP(request.ip)}`
  // The per-user routes declare `security`: auth-first has already refused a caller without a
  // valid token (401) and cached the user, so this is a lookup, never a second sign-in check.
  const userKey = async (request: FastifyRequest) => {
    if (!auth) throw new Error('rate limits: the auth service was never handed over')
    return `user:${(await requireUser(request, auth)).id}`
  }

  // One counter per limit kind, whatever the route (the two notify routes share theirs).
  const checkers = new Map<RateLimitKind, ReturnType<FastifyInstance['createRateLimit']>>()
  const checkerOf = ({ kind, key }: LimitedRoute) => {
    let check = checkers.get(kind)
    if (!check) {
      const keyOf = key === 'user' ? userKey : ipKey
      check = app.createRateLimit({ max: limits[kind], timeWindow: WINDOW_MS, keyGenerator: async (request) => `${kind}:${await keyOf(request)}` })
      checkers.set(kind, check)
    }
    return check
  }
  const seen = new Set<string>()
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const limited = LIMITED_ROUTES.find((r) => r.url === route.url && methods.includes(r.method))
    if (!limited) return
    seen.add(limited.url)
    const check = checkerOf(limited)
    const limit: onRequestHookHandler = async (request, reply) => {
      const result = await check(request)
      if (result.isAllowed) return
      reply.header('x-ratelimit-limit', result.max).header('x-ratelimit-remaining', result.remaining)
      if (!result.isExceeded) return
      return tooMany(reply, limited.answer, Math.max(1, result.ttlInSeconds))
    }
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]
    // After the route's own checks (auth-first): a signed-in caller is counted by user.
    route.onRequest = [...own, limit]
  })
  app.addHook('onReady', async () => {
    const missing = LIMITED_ROUTES.filter((r) => !seen.has(r.url) && (!r.sandboxOnly || config.wechat.mode === 'sandbox'))
    if (missing.length > 0) throw new Error(`rate limits: no route ${missing.map((r) => `${r.method} ${r.url}`).join(', ')} (moved?)`)
  })
  return handle
}
