/** The cooperative's settings (its managers only): the service phone buyers call on H5 (联系客服). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CoopSettings, CoopSettingsBody, CoopSettingsQuery } from '@contracts/freight'
import type { Db } from '../../db/client'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from './coop-access'
import { coopSettings, setServicePhone } from './coop-settings'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e }
const security = [{ bearer: [] }]
const tags = ['members']

export const coopSettingsRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; db: Db }> = async (app, { auth, db }) => {
  app.get(
    '/api/v1/coop/settings',
    { schema: { tags, summary: 'The cooperative’s settings: its service phone (联系客服)', security, querystring: CoopSettingsQuery, response: { 200: CoopSettings, ...errors } } },
    async (request) => coopSettings(db, (await requireCoopAdmin(request, auth, request.query.cooperativeId)).cooperativeId),
  )

  app.put(
    '/api/v1/coop/settings',
    {
      schema: {
        tags,
        summary: 'Set the cooperative’s service phone (null clears it); buyers on H5 call it from 联系客服',
        security,
        querystring: CoopSettingsQuery,
        body: CoopSettingsBody,
        response: { 200: CoopSettings, ...errors },
      },
    },
    async (request) => {
      const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
      return setServicePhone(db, admin.cooperativeId, request.body.servicePhone)
    },
  )
}
