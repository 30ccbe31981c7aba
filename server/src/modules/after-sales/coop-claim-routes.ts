/**
 * The cooperative's 售后与退款: its farmers' claims (decide the escalated ones: amount and who
 * bears it) and the refunds WeChat Pay reported abnormal or refused, to resolve with a note.
 * Another cooperative's claim or refund is a 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import { Claim, ClaimListQuery, ClaimPage, DecideBody, RefundAttention, RefundAttentionList, ResolveBody } from '@contracts/after-sales'
import { IdParams } from '@contracts/catalog'
import type { Db } from '../../db/client'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import { refundsNeedingAttention, resolveRefund } from '../payments'
import type { ClaimService, ManagerViewer } from './claim-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e }
const security = [{ bearer: [] }]
const NoQuery = Type.Object({}, { additionalProperties: false })
const tags = ['coop']

export interface CoopClaimRouteDeps {
  auth: AuthService
  claims: ClaimService
  db: Db
  clock: () => Date
}

export const coopClaimRoutes: FastifyPluginAsyncTypebox<CoopClaimRouteDeps> = async (app, { auth, claims, db, clock }) => {
  async function manager(request: FastifyRequest): Promise<ManagerViewer> {
    const admin = await requireCoopAdmin(request, auth)
    return { side: 'manager', userId: admin.userId, cooperativeId: admin.cooperativeId }
  }

  app.get(
    '/api/v1/coop/claims',
    { schema: { tags, summary: "My cooperative's claims, newest first, by status", security, querystring: ClaimListQuery, response: { 200: ClaimPage, ...errors } } },
    async (request) => claims.page(await manager(request), request.query),
  )

  app.get(
    '/api/v1/coop/claims/:id',
    { schema: { tags, summary: 'One claim of my cooperative', security, params: IdParams, querystring: NoQuery, response: { 200: Claim, ...errors } } },
    async (request) => claims.one(await manager(request), request.params.id),
  )

  app.post(
    '/api/v1/coop/claims/:id/decide',
    {
      schema: { tags, summary: 'Decide an escalated claim: the amount (0 = refused) and who bears it', security, params: IdParams, body: DecideBody, response: { 200: Claim, ...errors } },
    },
    async (request) => claims.manager.decide(await manager(request), request.params.id, request.body),
  )

  app.get(
    '/api/v1/coop/refunds/attention',
    { schema: { tags, summary: 'Abnormal and failed refunds of my farmers’ orders, with what to do', security, querystring: NoQuery, response: { 200: RefundAttentionList, ...errors } } },
    async (request) => ({ items: await refundsNeedingAttention(db, (await manager(request)).cooperativeId) }),
  )

  app.post(
    '/api/v1/coop/refunds/:id/resolve',
    { schema: { tags, summary: 'Mark an abnormal or failed refund dealt with, with a note', security, params: IdParams, body: ResolveBody, response: { 200: RefundAttention, ...errors } } },
    async (request) => {
      const { userId, cooperativeId } = await manager(request)
      return resolveRefund(db, cooperativeId, request.params.id, userId, request.body.note.trim(), clock())
    },
  )
}
