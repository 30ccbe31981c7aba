/** The registry audit log, newest first (the cooperative's managers only). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditPage, AuditQuery } from '@contracts/households'
import type { Db } from '../../db/client'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import { auditPage } from './registry-audit'

const e = { $ref: 'ErrorBody' }

export const registryAuditRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; db: Db }> = async (app, { auth, db }) => {
  app.get(
    '/api/v1/coop/registry-audit',
    {
      schema: {
        tags: ['households'],
        summary: 'Who saw a full registry number, changed a status, imported or exported, and when; paginated by cursor',
        security: [{ bearer: [] }],
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: e, 401: e, 403: e },
      },
    },
    async (request) => auditPage(db, (await requireCoopAdmin(request, auth)).cooperativeId, request.query),
  )
}
