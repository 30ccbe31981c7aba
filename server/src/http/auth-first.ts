/**
 * Authentication before anything else on protected routes: a route whose schema declares
 * `security: [{ bearer: [] }]` resolves the bearer in onRequest, so a missing or unknown token is
 * a 401 before the body is read or validated (an anonymous caller learns nothing of the schema
 * and cannot make us parse a large body). The resolved user is cached on the request
 * (auth-guard), so the handler's requireUser / requireRole do not look it up again.
 *
 * A route that accepts an optional token declares it the OpenAPI way, with an empty alternative
 * (`security: [{}, { bearer: [] }]`), and is left to its handler. Roles are still checked by the
 * handlers (403), after validation.
 */
import type { FastifyInstance, onRequestHookHandler, RouteOptions } from 'fastify'
import type { AuthService } from '../modules/auth'
import { requireUser } from './auth-guard'

type SecurityRequirement = Record<string, readonly string[]>

/** True when every alternative of the route's `security` needs the bearer scheme. */
export function needsBearer(schema: RouteOptions['schema']): boolean {
  const security = (schema as { security?: readonly SecurityRequirement[] } | undefined)?.security
  if (!Array.isArray(security) || security.length === 0) return false
  return security.every((requirement) => Object.keys(requirement).length > 0 && 'bearer' in requirement)
}

export interface AuthFirst {
  /** Hands over the auth service once it exists (routes may be added before). */
  resolveWith(auth: AuthService): void
}

/** Call before any route is added: every later protected route gets the onRequest check. */
export function installAuthFirst(app: FastifyInstance): AuthFirst {
  let service: AuthService | null = null
  const authenticate: onRequestHookHandler = async (request) => {
    if (!service) throw new Error('auth-first: the auth service was never handed over')
    await requireUser(request, service)
  }
  app.addHook('onRoute', (route) => {
    if (!needsBearer(route.schema)) return
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]
    route.onRequest = [authenticate, ...own]
  })
  return {
    resolveWith(auth) {
      service = auth
    },
  }
}
