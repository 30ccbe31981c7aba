/** The auth API's shapes, shared with the mini-program through `import type`. */
import { Type, type Static } from '@sinclair/typebox'
import { LIMITS } from '@domain/limits'
import { ROLES } from '@domain/roles'
import { literalUnion } from './literals'

export const Role = literalUnion(ROLES)

export const LoginBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: LIMITS.loginCodeMax, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
)

export const Me = Type.Object({
  id: Type.Integer(),
  nickname: Type.String(),
  roles: Type.Array(Role),
  farmerId: Type.Union([Type.Integer(), Type.Null()]),
  cooperativeId: Type.Union([Type.Integer(), Type.Null()]),
})

export const LoginResult = Type.Object({
  token: Type.String({ description: 'Opaque bearer token; send as Authorization: Bearer <token>' }),
  expiresAt: Type.String({ format: 'date-time' }),
  user: Me,
})

export const DemoPersona = Type.Object({
  id: Type.String(),
  label: Type.String(),
  description: Type.String(),
})

export type RoleDto = Static<typeof Role>
export type MeDto = Static<typeof Me>
export type LoginResultDto = Static<typeof LoginResult>
export type DemoPersonaDto = Static<typeof DemoPersona>
