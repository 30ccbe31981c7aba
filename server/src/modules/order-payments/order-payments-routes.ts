import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '@contracts/catalog'
import { CancelBody, Checkout, OrderDetail, PayResult } from '@contracts/orders'
import { requireUser } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import { PAYMENT_NOTIFY_PATH, registerNotifyRoute } from '../payments'
import type { OrderPaymentsService } from './order-payments-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e, 502: e }
const security = [{ bearer: [] }]

export const orderPaymentsRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; orderPayments: OrderPaymentsService }> = async (app, { auth, orderPayments }) => {
  app.post(
    '/api/v1/checkouts/:id/pay',
    {
      schema: {
        tags: ['payments'],
        summary: 'WeChat Pay JSAPI prepay for the unpaid orders of a checkout; returns wx.requestPayment parameters',
        security,
        params: IdParams,
        response: { 200: PayResult, ...errors },
      },
    },
    async (request) => orderPayments.pay((await requireUser(request, auth)).id, request.params.id),
  )

  app.post(
    '/api/v1/checkouts/:id/sync',
    { schema: { tags: ['payments'], summary: 'After paying: ask WeChat Pay when no notification arrived yet', security, params: IdParams, response: { 200: Checkout, ...errors } } },
    async (request) => orderPayments.sync((await requireUser(request, auth)).id, request.params.id),
  )

  app.post(
    '/api/v1/orders/:id/cancel',
    {
      schema: {
        tags: ['orders'],
        summary: 'Cancel: unpaid → stock released; paid, not shipped → refunded',
        security,
        params: IdParams,
        body: CancelBody,
        response: { 200: OrderDetail, ...errors },
      },
    },
    async (request) => orderPayments.cancel((await requireUser(request, auth)).id, request.params.id, request.body.reason?.trim() ?? ''),
  )

  await registerNotifyRoute(app, PAYMENT_NOTIFY_PATH, 'WeChat Pay payment notification (signed, encrypted)', (h, raw) => orderPayments.onPaymentNotification(h, raw))
}
