/** GET /api/v1/coop/failed-jobs: the manager's background jobs that gave up, newest first, by cursor. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FailedJobPage, FailedJobQuery, type FailedJobPageDto } from '@contracts/jobs'
import type { Db } from '../../db/client'
import type { AuthService } from '../auth'
import { decodeCursor, encodeCursor } from '../catalog'
import { requireCoopAdmin } from '../members'
import { failedJobsOf } from './job-failure-repository'
import { jobLabel } from './job-labels'

const e = { $ref: 'ErrorBody' }
const PAGE_SIZE = 20

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
    async (request): Promise<FailedJobPageDto> => {
      const { cooperativeId } = await requireCoopAdmin(request, auth)
      const limit = request.query.limit ?? PAGE_SIZE
      const before = request.query.cursor === undefined ? undefined : decodeCursor(request.query.cursor)
      const rows = await failedJobsOf(db, cooperativeId, before, limit + 1)
      const page = rows.slice(0, limit)
      return {
        items: page.map((r) => ({ ...r, what: jobLabel(r.kind), createdAt: r.createdAt.toISOString(), failedAt: r.failedAt.toISOString() })),
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
      }
    },
  )
}
