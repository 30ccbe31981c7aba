/**
 * The one error shape: `{ error: { code, message } }`, a 4xx for every client fault,
 * and a 5xx that hides internals (logged with the request id).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ERROR_CODES, type ErrorCode } from '@contracts/errors'
import { BARE_SECURITY_HEADERS } from './bare-headers'

/** A client fault (or upstream failure) answered as `{ error: { code, message } }`; the status comes from the catalogue. */
export class AppError extends Error {
  public readonly statusCode: number

  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.statusCode = ERROR_CODES[code]
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`)
export const unauthorized = (message = 'Sign in first') => new AppError('UNAUTHORIZED', message)
export const forbidden = (message = 'Not allowed for this account') => new AppError('FORBIDDEN', message)

export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { $id: 'ErrorBody' },
)

/** Fastify's own client-fault codes and the error code we answer with. */
const FASTIFY_CLIENT_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_BODY',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
}

/** What an error answers: its status, our code and a message (5xx logged here, internals hidden). */
interface ErrorAnswer {
  status: number
  code: ErrorCode
  message: string
}

function answerFor(err: FastifyError, request: FastifyRequest): ErrorAnswer {
  if (err instanceof AppError) return { status: err.statusCode, code: err.code, message: err.message }
  if (err.validation) {
    const where = err.validationContext ?? 'request'
    return { status: 400, code: 'VALIDATION_FAILED', message: `${where} ${err.message}` }
  }
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const code: ErrorCode = (err.code && FASTIFY_CLIENT_CODES[err.code]) || (err.name === 'SyntaxError' ? 'INVALID_BODY' : 'BAD_REQUEST')
    return { status, code, message: err.message }
  }
  request.log.error({ err, reqId: request.id }, 'unhandled error')
  return { status: status >= 500 ? status : 500, code: 'INTERNAL', message: `Internal error (request ${request.id})` }
}

/** The app's error handler: `{ error: { code, message } }` by answerFor (a plugin that set another one, e.g. WeChat-shaped, can put it back for a route). */
export function appErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, code, message } = answerFor(err, request)
  return reply.status(status).send({ error: { code, message } })
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(appErrorHandler)
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND' satisfies ErrorCode, message: `No route ${request.method} ${request.url.split('?')[0]}` } })
  })
}

/**
 * For the WeChat Pay notify routes (call inside their encapsulated plugin): every error — a body
 * too large (413), not JSON (415), unreadable (400), a crash (500) — answers WeChat Pay's
 * `{ code: 'FAIL', message }` with the same status, so it retries on 5xx as documented.
 */
export function useWechatErrorShape(instance: FastifyInstance): void {
  instance.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, message } = answerFor(err, request)
    return reply.status(status).send({ code: 'FAIL', message })
  })
}

/** Router faults raised before any route runs (Fastify's `frameworkErrors`), in the same shape. */
const ROUTER_FAULTS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_BAD_URL: { code: 'BAD_URL', message: 'The URL is not valid (bad percent-encoding)' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', message: 'A path parameter is longer than 100 characters' },
}

export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // No hook runs for these: the security headers come with the answer itself.
  void reply.headers(BARE_SECURITY_HEADERS)
  const fault = ROUTER_FAULTS[err.code]
  if (fault) {
    void reply.status(ERROR_CODES[fault.code]).send({ error: { code: fault.code, message: fault.message } })
    return
  }
  request.log.error({ err, reqId: request.id }, 'router error')
  void reply.status(500).send({ error: { code: 'INTERNAL' satisfies ErrorCode, message: `Internal error (request ${request.id})` } })
}
