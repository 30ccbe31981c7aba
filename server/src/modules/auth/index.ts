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
import type { BaseContext } from '../../module-context'
import { createLoginClient } from '../../wechat/login-client'
import { createAuthRepository } from './auth-repository'
import { authRoutes } from './auth-routes'
import { createAuthService, type AuthService } from './auth-service'

export type { AuthService } from './auth-service'
export { upsertUsers } from './user-records'
export { grantRole, grantRoles, type RoleGrant } from './role-grants'

/** Mounts sign-in and /me; returns the service every other module asks who is signed in. */
export async function registerAuth(ctx: BaseContext): Promise<AuthService> {
  const { config } = ctx
  const auth = createAuthService({
    repo: createAuthRepository(ctx.db),
    loginClient: createLoginClient({ baseUrl: ctx.wechatBase, appId: config.wechat.appId, appSecret: config.wechat.appSecret }),
    sessionTtlDays: config.sessionTtlDays,
    now: ctx.clock,
  })
  await ctx.app.register(authRoutes, { auth })
  return auth
}
