/**
 * The farmer's fulfilment API. Every route needs the farmer role (a buyer gets 403) and sees
 * only the signed-in farmer's own orders (anyone else's order is a 404).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import { FarmerHome, FarmerOrderPage, FarmerOrderQuery, PackingList, PackingQuery, ShipBody, ShipResult } from '@contracts/fulfilment'
import { requireRole } from '../../http/auth-guard'
import { forbidden } from '../../http/errors'
import type { AuthService } from '../auth'
import type { FarmerFigures } from './farmer-figures-service'
import type { FarmerOrderService } from './farmer-order-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e }
const security = [{ bearer: [] }]
const tags = ['farmer']
const NoQuery = Type.Object({}, { additionalProperties: false })

export interface FulfilmentRouteDeps {
  auth: AuthService
  orders: FarmerOrderService
  figures: FarmerFigures
}

export const fulfilmentRoutes: FastifyPluginAsyncTypebox<FulfilmentRouteDeps> = async (app, { auth, orders, figures }) => {
  /** The signed-in farmer: their user id and farmer id (a farmer account not linked to an active farmer is refused). */
  async function farmer(request: FastifyRequest) {
    const user = await requireRole(request, auth, 'farmer')
    if (user.farmerId === null) throw forbidden('This farmer account is not active')
    return { userId: user.id, farmerId: user.farmerId }
  }

  app.get(
    '/api/v1/farmer/orders',
    {
      schema: {
        tags,
        summary: 'My orders by status; paid (to ship) comes oldest paid first',
        security,
        querystring: FarmerOrderQuery,
        response: { 200: FarmerOrderPage, ...errors },
      },
    },
    async (request) => orders.list((await farmer(request)).farmerId, request.query),
  )

  app.post(
    '/api/v1/farmer/orders/ship',
    {
      schema: {
        tags,
        summary: 'Ship one or several paid orders (carrier code and tracking number each, optionally the packed weight of lines sold by weight); a result per order',
        description: 'A line sold by weight (斤/kg) packed short beyond the tolerance (2 %, at least 25 g) is refunded at its unit price as one weight-adjustment refund per order; packed above the order is never charged. A packed weight on a 箱/个 line, or on a line of another order, fails that order with INVALID_PACKED_WEIGHT.',
        security,
        body: ShipBody,
        response: { 200: ShipResult, ...errors },
      },
    },
    async (request) => ({ results: await orders.ship(await farmer(request), request.body.orders) }),
  )

  app.get(
    '/api/v1/farmer/packing-list',
    {
      schema: {
        tags,
        summary: 'What to pack: paid, unshipped orders due by a day (today in China by default), totalled by spec',
        security,
        querystring: PackingQuery,
        response: { 200: PackingList, ...errors },
      },
    },
    async (request) => figures.packingList((await farmer(request)).farmerId, request.query.date),
  )

  app.get(
    '/api/v1/farmer/home',
    {
      schema: {
        tags,
        summary: 'This week (China ISO week): orders, revenue, quantities; waiting to ship; low stock',
        security,
        querystring: NoQuery,
        response: { 200: FarmerHome, ...errors },
      },
    },
    async (request) => figures.home((await farmer(request)).farmerId),
  )
}
