import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '@contracts/catalog'
import {
  Checkout,
  CheckoutPreview,
  IdempotencyHeaders,
  OrderDetail,
  OrderListQuery,
  OrderPage,
  PlaceOrderBody,
  PreviewBody,
} from '@contracts/orders'
import { requireRole, requireUser } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import type { OrderService } from './order-service'
import type { PlacementService } from './placement-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e }
const security = [{ bearer: [] }]
const tags = ['orders']

export const orderRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; placement: PlacementService; orders: OrderService }> = async (
  app,
  { auth, placement, orders },
) => {
  app.post(
    '/api/v1/checkout/preview',
    { schema: { tags, summary: 'Price a cart: per-farmer groups, shipping by freight template and the address’s province, totals, stock and not-served problems', security, body: PreviewBody, response: { 200: CheckoutPreview, ...errors } } },
    async (request) => {
      const user = await requireUser(request, auth)
      return placement.preview(user.id, request.body.items, request.body.addressId)
    },
  )

  app.post(
    '/api/v1/orders',
    {
      schema: {
        tags,
        summary: 'Place a cart as one order per farmer (idempotent by Idempotency-Key)',
        security,
        headers: IdempotencyHeaders,
        body: PlaceOrderBody,
        response: { 200: Checkout, 201: Checkout, ...errors },
      },
    },
    async (request, reply) => {
      const buyer = await requireRole(request, auth, 'buyer')
      const { checkout, created } = await placement.place({
        buyerId: buyer.id,
        idempotencyKey: request.headers['idempotency-key'],
        items: request.body.items,
        addressId: request.body.addressId,
        note: request.body.note,
      })
      return reply.status(created ? 201 : 200).send(checkout)
    },
  )

  app.get(
    '/api/v1/checkouts/:id',
    { schema: { tags, summary: 'One checkout and its orders', security, params: IdParams, response: { 200: Checkout, ...errors } } },
    async (request) => orders.getCheckout((await requireUser(request, auth)).id, request.params.id),
  )

  app.get(
    '/api/v1/orders',
    { schema: { tags, summary: 'My orders, newest first, by status', security, querystring: OrderListQuery, response: { 200: OrderPage, ...errors } } },
    async (request) => orders.list((await requireUser(request, auth)).id, request.query),
  )

  app.get(
    '/api/v1/orders/:id',
    { schema: { tags, summary: 'One of my orders with its timeline', security, params: IdParams, response: { 200: OrderDetail, ...errors } } },
    async (request) => orders.get((await requireUser(request, auth)).id, request.params.id),
  )

  app.post(
    '/api/v1/orders/:id/confirm-receipt',
    { schema: { tags, summary: 'Confirm the parcel arrived', security, params: IdParams, response: { 200: OrderDetail, ...errors } } },
    async (request) => orders.confirmReceipt((await requireUser(request, auth)).id, request.params.id),
  )
}
