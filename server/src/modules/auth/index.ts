/**
 * The auth module: login through code2Session, sessions, and who a user is (MeDto: roles, the
 * cooperative they manage, their active farmer row).
 *
 * Owns (the only writer of) `users`, `sessions` and `user_roles`: roles are identity, read on
 * every request, so they live with the sessions that carry them; other modules grant a role
 * through `grantRole` (invites, when a farmer joins) or `grantRoles` (the seed). Other modules may read
 *   users: id, openid, nickname; user_roles: user_id, role, cooperative_id
 * (never sessions). Depends on no other module: every module sits above it.
 */
export { createAuthRepository, grantRole } from './auth-repository'
export { createAuthService, type AuthService } from './auth-service'
export { authRoutes } from './auth-routes'
export { upsertUsers } from './user-records'
export { grantRoles, type RoleGrant } from './role-grants'
