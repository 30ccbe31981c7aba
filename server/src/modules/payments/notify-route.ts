/**
 * WeChat Pay's notification endpoints: the signature covers the raw body, so it is kept as
 * received; the answer is 204, or `{code:'FAIL', message}` with a status that makes WeChat Pay
 * retry (5xx, 404) or stop.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotificationRejected } from '../../wechat/pay/pay-client'
import { useWechatErrorShape } from '../../http/errors'

/** A notification we refuse to apply; answered with this HTTP status so WeChat Pay retries or stops. */
export class NotificationRefused extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

type Headers = FastifyRequest['headers']

/** Registers one notify endpoint (its own raw-body parser, encapsulated) calling `handler`. */
export async function registerNotifyRoute(app: FastifyInstance, path: string, summary: string, handler: (headers: Headers, raw: string) => Promise<void>): Promise<void> {
  await app.register(async (notify) => {
    useWechatErrorShape(notify)
    notify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body))
    notify.post(path, { schema: { tags: ['payments'], summary } }, async (request: FastifyRequest, reply: FastifyReply) => {
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
    })
  })
}
