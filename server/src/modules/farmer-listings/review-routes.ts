/** The cooperative manager's review queue (coop_admin of the farmer's cooperative only). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Listing, ProductIdParams, ReviewDecision, ReviewList } from '@contracts/farmer-listings'
import { requireRole } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import type { ReviewService } from './review-service'

const tags = ['reviews']
const security = [{ bearer: [] }]
const errors = Object.fromEntries([400, 401, 403, 404, 409].map((s) => [s, { $ref: 'ErrorBody' }]))

export const reviewRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; reviews: ReviewService }> = async (app, { auth, reviews }) => {
  app.get('/api/v1/coop/reviews', { schema: { tags, summary: 'Listings of my cooperative waiting for review', security, response: { 200: ReviewList, ...errors } } }, async (request) =>
    reviews.list(await requireRole(request, auth, 'coop_admin')),
  )

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/coop/reviews/:productId/${decision}`,
      {
        schema: {
          tags,
          summary: decision === 'approve' ? 'Publish a listing held for review' : 'Refuse a listing, with a note for the farmer',
          security,
          params: ProductIdParams,
          body: ReviewDecision,
          response: { 200: Listing, ...errors },
        },
        // The note is optional, and so is the body.
        preValidation: async (request) => {
          request.body ??= {}
        },
      },
      async (request) => reviews[decision](await requireRole(request, auth, 'coop_admin'), request.params.productId, request.body.note),
    )
  }
}
