import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { SubscribeBody, SubscribeTemplates } from '@contracts/orders'
import { requireUser } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import type { SubscriptionService } from './subscription-service'

const e = { $ref: 'ErrorBody' }

export const subscriptionRoutes: FastifyPluginAsyncTypebox<{
  auth: AuthService
  subscriptions: SubscriptionService
  templates: { orderShipped: string }
  clock: () => Date
}> = async (app, { auth, subscriptions, templates, clock }) => {
  app.get(
    '/api/v1/subscriptions/templates',
    { schema: { tags: ['subscriptions'], summary: 'Subscribe-message template ids to ask consent for', response: { 200: SubscribeTemplates } } },
    async () => templates,
  )

  app.post(
    '/api/v1/subscriptions',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'Store the answers of wx.requestSubscribeMessage',
        security: [{ bearer: [] }],
        body: SubscribeBody,
        response: { 204: Type.Null(), 400: e, 401: e },
      },
    },
    async (request, reply) => {
      const user = await requireUser(request, auth)
      await subscriptions.record(user.id, request.body.answers, clock())
      return reply.status(204).send(null)
    },
  )
}
