import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { IdParams } from '../../contracts/catalog'
import { Checkout, PayResult } from '../../contracts/orders'
import { requireUser } from '../../http/auth-guard'
import { NotificationRejected } from '../../wechat/pay/pay-client'
import type { AuthService } from '../auth/auth-service'
import { NotificationRefused, PAYMENT_NOTIFY_PATH, REFUND_NOTIFY_PATH, type PaymentService } from './payment-service'
import type { RefundService } from './refund-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 404: e, 409: e, 502: e }
const security = [{ bearer: [] }]

interface Deps {
  auth: AuthService
  payments: PaymentService
  refunds: RefundService
}

export const paymentRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, { auth, payments, refunds }) => {
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
    async (request) => payments.pay((await requireUser(request, auth)).id, request.params.id),
  )

  app.post(
    '/api/v1/checkouts/:id/sync',
    { schema: { tags: ['payments'], summary: 'After paying: ask WeChat Pay when no notification arrived yet', security, params: IdParams, response: { 200: Checkout, ...errors } } },
    async (request) => payments.sync((await requireUser(request, auth)).id, request.params.id),
  )

  // WeChat Pay's notifications: the signature covers the raw body, so it is kept as received.
  await app.register(async (notify) => {
    notify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body))
    const answer = (handler: (headers: FastifyRequest['headers'], raw: string) => Promise<void>) => async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await handler(request.headers, typeof request.body === 'string' ? request.body : '')
        return reply.status(204).send()
      } catch (err) {
        if (err instanceof NotificationRejected) {
          request.log.warn({ reason: err.reason }, 'WeChat Pay notification rejected')
          return reply.status(401).send({ code: 'FAIL', message: err.reason })
        }
        if (err instanceof NotificationRefused) {
          request.log.error({ reason: err.message }, 'WeChat Pay notification refused')
          return reply.status(err.status).send({ code: 'FAIL', message: err.message })
        }
        throw err
      }
    }
    const schema = { tags: ['payments'], hide: false }
    notify.post(PAYMENT_NOTIFY_PATH, { schema: { ...schema, summary: 'WeChat Pay payment notification (signed, encrypted)' } }, answer((h, raw) => payments.onPaymentNotification(h, raw)))
    notify.post(REFUND_NOTIFY_PATH, { schema: { ...schema, summary: 'WeChat Pay refund notification (signed, encrypted)' } }, answer((h, raw) => refunds.onRefundNotification(h, raw)))
  })
}
