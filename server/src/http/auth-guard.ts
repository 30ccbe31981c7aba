/** Reads the bearer token and resolves the signed-in user; routes call requireUser / requireRole. */
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

export async function requireUser(request: FastifyRequest, auth: AuthService): Promise<MeDto> {
  const token = bearerToken(request)
  if (!token) throw unauthorized()
  return auth.authenticate(token)
}

export async function requireRole(request: FastifyRequest, auth: AuthService, role: RoleDto): Promise<MeDto> {
  const user = await requireUser(request, auth)
  if (!user.roles.includes(role)) throw forbidden(`This needs the ${role} role`)
  return user
}
