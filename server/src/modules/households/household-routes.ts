/** A member's household (the cooperative's managers only): the list, the member's page, a status change, the end of a registration. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FarmerParams } from '@contracts/coop'
import { EndHouseholdBody, HouseholdDetail, HouseholdList, SetHouseholdBody } from '@contracts/households'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import type { HouseholdService } from './household-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e }
const security = [{ bearer: [] }]
const tags = ['households']
const memberPath = '/api/v1/coop/members/:farmerId/household'

export const householdRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; households: HouseholdService }> = async (app, { auth, households }) => {
  app.get(
    '/api/v1/coop/households',
    { schema: { tags, summary: 'Members with their registry number (masked) and today’s household status', security, response: { 200: HouseholdList, ...errors } } },
    async (request) => households.list((await requireCoopAdmin(request, auth)).cooperativeId),
  )

  app.get(
    memberPath,
    { schema: { tags, summary: 'A member’s household: the full registry number (audited) and the history of its status', security, params: FarmerParams, response: { 200: HouseholdDetail, ...errors } } },
    async (request) => households.view(await requireCoopAdmin(request, auth), request.params.farmerId),
  )

  app.put(
    memberPath,
    {
      schema: {
        tags,
        summary: 'Link a member to a registered household or change its status from a day; the earlier status ends the day before (audited)',
        security,
        params: FarmerParams,
        body: SetHouseholdBody,
        response: { 200: HouseholdDetail, ...errors },
      },
    },
    async (request) => households.set(await requireCoopAdmin(request, auth), request.params.farmerId, request.body),
  )

  app.post(
    `${memberPath}/end`,
    {
      schema: {
        tags,
        summary: 'End the household’s registration on a day (its last day on the registry; audited)',
        security,
        params: FarmerParams,
        body: EndHouseholdBody,
        response: { 200: HouseholdDetail, ...errors },
      },
    },
    async (request) => households.end(await requireCoopAdmin(request, auth), request.params.farmerId, request.body),
  )
}
