/** GET /api/v1/coop/failed-jobs: the manager's background jobs that gave up, newest first, by cursor. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LIMITS } from '@domain/limits'
import { FailedJobPage, FailedJobQuery } from '@contracts/jobs'
import type { Db } from '../../db/client'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import { failedJobsPage } from './job-failure-service'

const e = { $ref: 'ErrorBody' }

export const jobFailureRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; db: Db }> = async (app, { auth, db }) => {
  app.get(
    '/api/v1/coop/failed-jobs',
    {
      schema: {
        tags: ['coop'],
        summary: "Background jobs of my cooperative's orders that gave up after their last attempt, with the last error",
        security: [{ bearer: [] }],
        querystring: FailedJobQuery,
        response: { 200: FailedJobPage, 400: e, 401: e, 403: e },
      },
    },
    async (request) => {
      const { cooperativeId } = await requireCoopAdmin(request, auth)
      return failedJobsPage(db, cooperativeId, { cursor: request.query.cursor, limit: request.query.limit ?? LIMITS.pageSizeDefault })
    },
  )
}
