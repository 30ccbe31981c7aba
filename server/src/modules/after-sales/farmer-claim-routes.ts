/**
 * The farmer's 售后 queue: claims on their own orders (any other farmer's — of this cooperative
 * or another — is a 404), and the three answers: accept, offer another amount, contest.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import { Claim, ClaimListQuery, ClaimPage, ContestBody, OfferBody } from '@contracts/after-sales'
import { IdParams } from '@contracts/catalog'
import { requireRole } from '../../http/auth-guard'
import { forbidden } from '../../http/errors'
import type { AuthService } from '../auth'
import type { ClaimService, FarmerViewer } from './claim-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e }
const security = [{ bearer: [] }]
const NoQuery = Type.Object({}, { additionalProperties: false })
const tags = ['farmer']

export const farmerClaimRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; claims: ClaimService }> = async (app, { auth, claims }) => {
  async function farmer(request: FastifyRequest): Promise<FarmerViewer> {
    const user = await requireRole(request, auth, 'farmer')
    if (user.farmerId === null) throw forbidden('This farmer account is not active')
    return { side: 'farmer', userId: user.id, farmerId: user.farmerId }
  }

  app.get(
    '/api/v1/farmer/claims',
    { schema: { tags, summary: 'Claims on my orders, newest first, by status', security, querystring: ClaimListQuery, response: { 200: ClaimPage, ...errors } } },
    async (request) => claims.page(await farmer(request), request.query),
  )

  app.get(
    '/api/v1/farmer/claims/:id',
    { schema: { tags, summary: 'One claim on my orders', security, params: IdParams, querystring: NoQuery, response: { 200: Claim, ...errors } } },
    async (request) => claims.one(await farmer(request), request.params.id),
  )

  app.post(
    '/api/v1/farmer/claims/:id/accept',
    { schema: { tags, summary: 'Accept the suggested refund (refunded at once, borne by me)', security, params: IdParams, response: { 200: Claim, ...errors } } },
    async (request) => claims.farmer.accept(await farmer(request), request.params.id),
  )

  app.post(
    '/api/v1/farmer/claims/:id/offer',
    { schema: { tags, summary: 'Offer another amount; the buyer accepts it or asks the cooperative', security, params: IdParams, body: OfferBody, response: { 200: Claim, ...errors } } },
    async (request) => claims.farmer.offer(await farmer(request), request.params.id, request.body),
  )

  app.post(
    '/api/v1/farmer/claims/:id/contest',
    { schema: { tags, summary: 'Contest the claim with a note; the cooperative decides', security, params: IdParams, body: ContestBody, response: { 200: Claim, ...errors } } },
    async (request) => claims.farmer.contest(await farmer(request), request.params.id, request.body.note),
  )
}
