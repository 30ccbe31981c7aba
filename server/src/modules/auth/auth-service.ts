/** Login through code2Session, opaque session tokens (only their hash is stored). */
import crypto from 'node:crypto'
import { AppError, unauthorized } from '../../http/errors'
import { WechatApiError, type LoginClient } from '../../wechat/login-client'
import type { LoginResultDto, MeDto } from '@contracts/auth'
import type { AuthRepository } from './auth-repository'

const DAY_MS = 24 * 60 * 60 * 1000

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

/** Chinese-facing meaning of code2Session's errcodes, as our API's errors. */
function loginError(err: WechatApiError): AppError {
  switch (err.errcode) {
    case 40029:
    case 40163:
      return new AppError('INVALID_LOGIN_CODE', 'The login code is invalid, expired or already used; call wx.login again')
    case 45011:
      return new AppError('LOGIN_RATE_LIMITED', 'Too many logins in a minute; try again shortly')
    case 40226:
      return new AppError('LOGIN_BLOCKED', 'WeChat blocked this login as high-risk')
    default:
      return new AppError('WECHAT_UNAVAILABLE', 'WeChat login is unavailable; try again')
  }
}

export interface AuthServiceDeps {
  repo: AuthRepository
  loginClient: LoginClient
  sessionTtlDays: number
  now?: () => Date
}

export function createAuthService({ repo, loginClient, sessionTtlDays, now = () => new Date() }: AuthServiceDeps) {
  return {
    async login(code: string): Promise<LoginResultDto> {
      let session
      try {
        session = await loginClient.code2Session(code)
      } catch (err) {
        if (err instanceof WechatApiError) throw loginError(err)
        throw err
      }
      const userId = await repo.upsertBuyer(session.openid, session.unionid)
      const token = crypto.randomBytes(32).toString('base64url')
      const expiresAt = new Date(now().getTime() + sessionTtlDays * DAY_MS)
      await repo.createSession(hashToken(token), userId, expiresAt)
      const user = await repo.loadMe(userId)
      if (!user) throw new Error(`user ${userId} vanished during login`)
      return { token, expiresAt: expiresAt.toISOString(), user }
    },

    /** The user behind a bearer token, or a 401. */
    async authenticate(token: string): Promise<MeDto> {
      const user = await repo.findSessionMe(hashToken(token), now())
      if (!user) throw unauthorized('Session expired or unknown; sign in again')
      return user
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(hashToken(token))
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>
