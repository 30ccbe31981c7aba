/** Invites into a cooperative: the manager creates and lists them; anyone opens one; a signed-in user accepts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Me } from '@contracts/auth'
import { InviteAccept, InviteCodeParams, InviteCreate, InviteCreated, InviteInfo, InviteList } from '@contracts/farmer-listings'
import { bearerToken, requireRole, requireUser } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import type { InviteService } from './invite-service'

const tags = ['invites']
const security = [{ bearer: [] }]
const errors = Object.fromEntries([400, 401, 403, 404, 409, 410, 422].map((s) => [s, { $ref: 'ErrorBody' }]))

export const inviteRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; invites: InviteService }> = async (app, { auth, invites }) => {
  app.post(
    '/api/v1/coop/invites',
    {
      schema: { tags, summary: 'Invite a person to join my cooperative as a farmer (valid 7 days)', security, body: InviteCreate, response: { 201: InviteCreated, ...errors } },
      // The body is optional: no body means "my cooperative".
      preValidation: async (request) => {
        request.body ??= {}
      },
    },
    async (request, reply) => {
      const admin = await requireRole(request, auth, 'coop_admin')
      return reply.status(201).send(await invites.create(admin, request.body.cooperativeId))
    },
  )

  app.get(
    '/api/v1/coop/invites',
    { schema: { tags, summary: 'My cooperative’s latest invites and whether each is still valid', security, response: { 200: InviteList, ...errors } } },
    async (request) => invites.list(await requireRole(request, auth, 'coop_admin')),
  )

  app.get(
    '/api/v1/invites/:code',
    { schema: { tags, summary: 'What an invite is for (public): the cooperative, and whether it is still valid', params: InviteCodeParams, response: { 200: InviteInfo, ...errors } } },
    async (request) => invites.info(request.params.code),
  )

  app.post(
    '/api/v1/invites/:code/accept',
    {
      schema: {
        tags,
        summary: 'Join the cooperative as a farmer with a name, village and story',
        security,
        params: InviteCodeParams,
        body: InviteAccept,
        response: { 201: Type.Object({ farmerId: Type.Integer(), user: Me }), ...errors },
      },
    },
    async (request, reply) => {
      const user = await requireUser(request, auth)
      const farmerId = await invites.accept(user.id, request.params.code, request.body)
      // The same session now carries the farmer role: hand back the refreshed user.
      return reply.status(201).send({ farmerId, user: await auth.authenticate(bearerToken(request)!) })
    },
  )
}
