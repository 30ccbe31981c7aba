/** The buyer's parcel trail (物流信息) of one of their orders. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '@contracts/catalog'
import { ParcelTrail } from '@contracts/freight'
import { requireUser } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import type { TrackingService } from './tracking-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 404: e, 409: e }

export const trackingRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; tracking: TrackingService }> = async (app, { auth, tracking }) => {
  app.get(
    '/api/v1/orders/:id/tracking',
    {
      schema: {
        tags: ['orders'],
        summary: 'The parcel trail of my shipped order (the courier’s scans, oldest first; cached 30 minutes)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: ParcelTrail, ...errors },
      },
    },
    async (request) => tracking.trailOf((await requireUser(request, auth)).id, request.params.id),
  )
}
