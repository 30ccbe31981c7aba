/**
 * Reads the bearer token and resolves the signed-in user; routes call requireUser / requireRole.
 * The user is resolved once per request: auth-first (onRequest, on every route that declares
 * `security`) and the handler's requireUser share one look-up.
 */
import type { FastifyRequest } from 'fastify'
import type { MeDto, RoleDto } from '@contracts/auth'
import type { AuthService } from '../modules/auth'
import { forbidden, unauthorized } from './errors'

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = BEARER.exec(header)
  if (!match) throw unauthorized('Malformed Authorization header; expected "Bearer <token>"')
  return match[1]
}

const resolved = new WeakMap<FastifyRequest, Promise<MeDto>>()

export async function requireUser(request: FastifyRequest, auth: AuthService): Promise<MeDto> {
  let user = resolved.get(request)
  if (!user) {
    const token = bearerToken(request)
    if (!token) throw unauthorized()
    user = auth.authenticate(token)
    resolved.set(request, user)
  }
  return user
}

export async function requireRole(request: FastifyRequest, auth: AuthService, role: RoleDto): Promise<MeDto> {
  const user = await requireUser(request, auth)
  if (!user.roles.includes(role)) throw forbidden(`This needs the ${role} role`)
  return user
}
