/** The farmer's own listings and stock (role farmer; another farmer's product is a 404, a buyer gets 403). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { IdParams } from '@contracts/catalog'
import { Listing, ListingInput, ListingPage, ListingQuery, ListingSaved, StockDelta, StockResult } from '@contracts/farmer-listings'
import { requireRole } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import type { ListingService } from './listing-service'
import type { StockService } from './stock-service'

const tags = ['farmer-listings']
const security = [{ bearer: [] }]
const errors = Object.fromEntries([400, 401, 403, 404, 409, 422].map((s) => [s, { $ref: 'ErrorBody' }]))
const base = '/api/v1/farmer/products'

export const listingRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; listings: ListingService; stock: StockService }> = async (
  app,
  { auth, listings, stock },
) => {
  const farmer = (request: Parameters<typeof requireRole>[0]) => requireRole(request, auth, 'farmer')

  app.get(base, { schema: { tags, summary: 'My products, every status, newest first', security, querystring: ListingQuery, response: { 200: ListingPage, ...errors } } }, async (request) =>
    listings.list(await farmer(request), request.query),
  )

  app.post(
    base,
    { schema: { tags, summary: 'List a product (checked by WeChat’s content check first)', security, body: ListingInput, response: { 201: ListingSaved, ...errors } } },
    async (request, reply) => reply.status(201).send(await listings.create(await farmer(request), request.body)),
  )

  app.get(`${base}/:id`, { schema: { tags, summary: 'One of my products', security, params: IdParams, response: { 200: Listing, ...errors } } }, async (request) =>
    listings.get(await farmer(request), request.params.id),
  )

  app.put(
    `${base}/:id`,
    { schema: { tags, summary: 'Edit one of my products (changed texts are checked again)', security, params: IdParams, body: ListingInput, response: { 200: ListingSaved, ...errors } } },
    async (request) => listings.update(await farmer(request), request.params.id, request.body),
  )

  app.delete(
    `${base}/:id`,
    { schema: { tags, summary: 'Delete a product never ordered (otherwise pause it)', security, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await listings.remove(await farmer(request), request.params.id)
      return reply.status(204).send(null)
    },
  )

  const action = (path: string, summary: string, run: StockService['pause']) =>
    app.post(`${base}/:id/${path}`, { schema: { tags, summary, security, params: IdParams, response: { 200: Listing, ...errors } } }, async (request) =>
      run(await farmer(request), request.params.id),
    )
  action('pause', 'Stop selling for now (hidden from buyers)', stock.pause)
  action('resume', 'Sell again', stock.resume)
  action('sold-out', 'Sold out: every spec’s stock to 0', stock.soldOut)

  app.post(
    '/api/v1/farmer/specs/:id/stock',
    { schema: { tags, summary: 'Add to or take from one spec’s stock (never below 0)', security, params: IdParams, body: StockDelta, response: { 200: StockResult, ...errors } } },
    async (request) => stock.adjust(await farmer(request), request.params.id, request.body.delta),
  )
}
