/**
 * The buyer's claims: file one on an order (Idempotency-Key), read them, answer the farmer's
 * offer, ask the cooperative, withdraw. Someone else's claim or order is a 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Claim, ClaimBody, ClaimList } from '@contracts/after-sales'
import { IdParams } from '@contracts/catalog'
import { IdempotencyHeaders } from '@contracts/orders'
import { requireRole, requireUser } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import type { ClaimService } from './claim-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e }
const security = [{ bearer: [] }]
const NoQuery = Type.Object({}, { additionalProperties: false })
const tags = ['after-sales']

export const claimRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; claims: ClaimService }> = async (app, { auth, claims }) => {
  app.post(
    '/api/v1/orders/:id/claims',
    {
      schema: {
        tags,
        summary: 'File an after-sale claim on my order (shipped, or received ≤ 48 h ago); idempotent by Idempotency-Key',
        security,
        params: IdParams,
        headers: IdempotencyHeaders,
        body: ClaimBody,
        response: { 200: Claim, 201: Claim, ...errors },
      },
    },
    async (request, reply) => {
      const buyer = await requireRole(request, auth, 'buyer')
      const { claim, created } = await claims.file({ buyerId: buyer.id, orderId: request.params.id, idempotencyKey: request.headers['idempotency-key'], body: request.body })
      return reply.status(created ? 201 : 200).send(claim)
    },
  )

  app.get(
    '/api/v1/orders/:id/claims',
    { schema: { tags, summary: "My order's claims, newest first", security, params: IdParams, querystring: NoQuery, response: { 200: ClaimList, ...errors } } },
    async (request) => ({ items: await claims.ofOrder((await requireUser(request, auth)).id, request.params.id) }),
  )

  app.get(
    '/api/v1/claims/:id',
    { schema: { tags, summary: 'One of my claims', security, params: IdParams, querystring: NoQuery, response: { 200: Claim, ...errors } } },
    async (request) => claims.one({ side: 'buyer', userId: (await requireUser(request, auth)).id }, request.params.id),
  )

  const steps = [
    ['accept-offer', 'Accept the amount the farmer offered (refunded at once)', claims.buyer.acceptOffer],
    ['ask-cooperative', "Refuse the farmer's offer and ask the cooperative to decide", claims.buyer.askCooperative],
    ['withdraw', 'Withdraw my claim', claims.buyer.withdraw],
  ] as const
  for (const [path, summary, take] of steps) {
    app.post(
      `/api/v1/claims/:id/${path}`,
      { schema: { tags, summary, security, params: IdParams, response: { 200: Claim, ...errors } } },
      async (request) => take((await requireUser(request, auth)).id, request.params.id),
    )
  }
}
