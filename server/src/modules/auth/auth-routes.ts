import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { LoginBody, LoginResult, Me } from '@contracts/auth'
import { bearerToken, requireUser } from '../../http/auth-guard'
import { unauthorized } from '../../http/errors'
import type { AuthService } from './auth-service'

const errors = { 400: { $ref: 'ErrorBody' }, 401: { $ref: 'ErrorBody' } }

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a wx.login code for a Xiangji session token',
        body: LoginBody,
        response: { 200: LoginResult, ...errors, 429: { $ref: 'ErrorBody' }, 502: { $ref: 'ErrorBody' } },
      },
    },
    async (request) => auth.login(request.body.code),
  )

  app.get(
    '/api/v1/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', security: [{ bearer: [] }], response: { 200: Me, ...errors } } },
    async (request) => requireUser(request, auth),
  )

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const token = bearerToken(request)
      if (!token) throw unauthorized()
      await auth.logout(token)
      return reply.status(204).send(null)
    },
  )
}
