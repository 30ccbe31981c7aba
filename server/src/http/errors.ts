/**
 * The one error shape: `{ error: { code, message } }`, a 4xx for every client fault,
 * and a 5xx that hides internals (logged with the request id).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'

export class AppError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`)
export const badRequest = (code: string, message: string) => new AppError(400, code, message)
export const unauthorized = (message = 'Sign in first') => new AppError(401, 'UNAUTHORIZED', message)
export const forbidden = (message = 'Not allowed for this account') => new AppError(403, 'FORBIDDEN', message)

export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { $id: 'ErrorBody' },
)

/** Fastify's own client-fault codes and the error code we answer with. */
const FASTIFY_CLIENT_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_BODY',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message } })
    }
    if (err.validation) {
      const where = err.validationContext ?? 'request'
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: `${where} ${err.message}` } })
    }
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const code = (err.code && FASTIFY_CLIENT_CODES[err.code]) || (err.name === 'SyntaxError' ? 'INVALID_BODY' : 'BAD_REQUEST')
      return reply.status(status).send({ error: { code, message: err.message } })
    }
    request.log.error({ err, reqId: request.id }, 'unhandled error')
    return reply
      .status(status >= 500 ? status : 500)
      .send({ error: { code: 'INTERNAL', message: `Internal error (request ${request.id})` } })
  })
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } })
  })
}

/** Router faults raised before any route runs (Fastify's `frameworkErrors`), in the same shape. */
const ROUTER_FAULTS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: 'The URL is not valid (bad percent-encoding)' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', message: 'A path parameter is longer than 100 characters' },
}

export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const fault = ROUTER_FAULTS[err.code]
  if (fault) {
    void reply.status(fault.status).send({ error: { code: fault.code, message: fault.message } })
    return
  }
  request.log.error({ err, reqId: request.id }, 'router error')
  void reply.status(500).send({ error: { code: 'INTERNAL', message: `Internal error (request ${request.id})` } })
}
