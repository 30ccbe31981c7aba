/** The cooperative's members and commission (managers of the cooperative only). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CommissionBody, CommissionResult, FarmerParams, Member, MemberList, WeekQuery } from '@contracts/coop'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from './coop-access'
import type { MemberService } from './member-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e }
const security = [{ bearer: [] }]
const tags = ['members']

export const memberRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; members: MemberService }> = async (app, { auth, members }) => {
  app.get(
    '/api/v1/coop/members',
    { schema: { tags, summary: 'Members with their products and this week’s figures', security, querystring: WeekQuery, response: { 200: MemberList, ...errors } } },
    async (request) => {
      const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
      return members.list(admin.cooperativeId, request.query.week)
    },
  )

  app.post(
    '/api/v1/coop/members/:farmerId/deactivate',
    { schema: { tags, summary: 'Deactivate a member: their products leave the store; orders and statements stay', security, params: FarmerParams, response: { 200: Member, ...errors } } },
    async (request) => members.setActive((await requireCoopAdmin(request, auth)).cooperativeId, request.params.farmerId, false),
  )

  app.post(
    '/api/v1/coop/members/:farmerId/activate',
    { schema: { tags, summary: 'Reactivate a member', security, params: FarmerParams, response: { 200: Member, ...errors } } },
    async (request) => members.setActive((await requireCoopAdmin(request, auth)).cooperativeId, request.params.farmerId, true),
  )

  app.put(
    '/api/v1/coop/commission',
    { schema: { tags, summary: 'Set the cooperative’s commission in basis points (0–3000); applies to statements confirmed from now on', security, body: CommissionBody, response: { 200: CommissionResult, ...errors } } },
    async (request) => members.setCommission((await requireCoopAdmin(request, auth)).cooperativeId, request.body.bps),
  )
}
