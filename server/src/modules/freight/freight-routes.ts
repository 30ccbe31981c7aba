/**
 * Freight templates: the manager's cooperative default (coop_admin of that cooperative; naming
 * another cooperative is a 404) and the farmer's own override (role farmer).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { CoopFreightQuery, FarmerFreight, FreightTemplate, FreightTemplateBody } from '@contracts/freight'
import { requireRole } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import type { FreightService } from './freight-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e }
const security = [{ bearer: [] }]
const tags = ['freight']

export const freightRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; freight: FreightService }> = async (app, { auth, freight }) => {
  app.get(
    '/api/v1/coop/freight-template',
    {
      schema: {
        tags,
        summary: 'The cooperative’s default freight template (运费模板), or null: its farmers without their own ship free',
        security,
        querystring: CoopFreightQuery,
        response: { 200: Type.Union([FreightTemplate, Type.Null()]), ...errors },
      },
    },
    async (request) => freight.coopTemplate((await requireCoopAdmin(request, auth, request.query.cooperativeId)).cooperativeId),
  )

  app.put(
    '/api/v1/coop/freight-template',
    {
      schema: {
        tags,
        summary: 'Set the cooperative’s default freight template: zones of provinces, free-from, provinces not served',
        security,
        querystring: CoopFreightQuery,
        body: FreightTemplateBody,
        response: { 200: FreightTemplate, ...errors },
      },
    },
    async (request) => freight.saveCoopTemplate((await requireCoopAdmin(request, auth, request.query.cooperativeId)).cooperativeId, request.body),
  )

  const farmer = async (request: Parameters<typeof requireRole>[0]) => (await requireRole(request, auth, 'farmer')).id
  const farmerPath = '/api/v1/farmer/freight-template'

  app.get(
    farmerPath,
    { schema: { tags, summary: 'Which freight template prices my parcels (my own, else the cooperative’s), and the cooperative’s', security, response: { 200: FarmerFreight, ...errors } } },
    async (request) => freight.farmerFreight(await farmer(request)),
  )

  app.put(
    farmerPath,
    { schema: { tags, summary: 'Set my own freight template, overriding the cooperative’s', security, body: FreightTemplateBody, response: { 200: FarmerFreight, ...errors } } },
    async (request) => freight.saveFarmerTemplate(await farmer(request), request.body),
  )

  app.delete(
    farmerPath,
    { schema: { tags, summary: 'Drop my own freight template: the cooperative’s applies again', security, response: { 200: FarmerFreight, ...errors } } },
    async (request) => freight.clearFarmerTemplate(await farmer(request)),
  )
}
