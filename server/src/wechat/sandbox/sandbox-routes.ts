/**
 * The fake WeChat servers, mounted under /sandbox/wechat in sandbox mode only.
 * `/sns/jscode2session` speaks WeChat's exact wire protocol; `/dev/*` is the sandbox's own
 * stand-in for wx.login on the H5 build (a visible "demo login").
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DemoPersona } from '@contracts/auth'
import { notFound } from '../../http/errors'
import { DEMO_PERSONAS } from '../../seed/demo-data'
import type { SandboxLoginCodes } from './login-codes'
import type { SandboxAccessTokens } from './access-tokens'

const WechatQuery = Type.Object({
  appid: Type.Optional(Type.String({ maxLength: 256 })),
  secret: Type.Optional(Type.String({ maxLength: 256 })),
  js_code: Type.Optional(Type.String({ maxLength: 256 })),
  grant_type: Type.Optional(Type.String({ maxLength: 64 })),
})

export const sandboxRoutes: FastifyPluginAsyncTypebox<{ loginCodes: SandboxLoginCodes; accessTokens: SandboxAccessTokens }> = async (
  app,
  { loginCodes, accessTokens },
) => {
  app.post(
    '/cgi-bin/stable_token',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Sandbox getStableAccessToken (WeChat wire protocol)',
        body: Type.Object({
          grant_type: Type.Optional(Type.String({ maxLength: 64 })),
          appid: Type.Optional(Type.String({ maxLength: 64 })),
          secret: Type.Optional(Type.String({ maxLength: 128 })),
          force_refresh: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => accessTokens.stableToken(request.body),
  )

  app.get(
    '/sns/jscode2session',
    { schema: { tags: ['sandbox'], summary: 'Sandbox code2Session (WeChat wire protocol)', querystring: WechatQuery } },
    async (request) => {
      const q = request.query
      return loginCodes.exchange(q.appid ?? '', q.secret ?? '', q.js_code ?? '', q.grant_type ?? '')
    },
  )

  app.get(
    '/dev/personas',
    { schema: { tags: ['sandbox'], summary: 'Demo personas the H5 build can sign in as', response: { 200: Type.Object({ items: Type.Array(DemoPersona) }) } } },
    async () => ({ items: DEMO_PERSONAS.map(({ id, label, description }) => ({ id, label, description })) }),
  )

  app.post(
    '/dev/login-code',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'What wx.login would return for a demo persona (sandbox only)',
        body: Type.Object({ persona: Type.String({ minLength: 1, maxLength: 32 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ code: Type.String() }), 400: { $ref: 'ErrorBody' }, 404: { $ref: 'ErrorBody' } },
      },
    },
    async (request) => {
      const persona = DEMO_PERSONAS.find((p) => p.id === request.body.persona)
      if (!persona) throw notFound('Persona')
      return { code: await loginCodes.issued(persona.openid) }
    },
  )
}
