/**
 * What the log may say: no secret and no token. WeChat's server APIs carry them in the query
 * (`access_token`, `secret` / `appsecret`, `js_code`, `code`) and in sandbox mode those requests
 * come to this very server, so the logged request URL has their values replaced; pino's redact
 * censors Authorization and Cookie headers wherever an object with `headers` is logged; a
 * message string or an error (message, stack) that quotes such a URL is scrubbed as well.
 */
import type { FastifyRequest, FastifyServerOptions } from 'fastify'

type LoggerConfig = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>

/** Where log lines go (one JSON line per call): the tests' seam to read what was logged. */
export interface LogStream {
  write(line: string): void
}

const REDACTED = '[redacted]'
const SECRET_QUERY_PARAMS = ['access_token', 'secret', 'appsecret', 'js_code', 'code']
const SECRET_IN_QUERY = new RegExp(`([?&](?:${SECRET_QUERY_PARAMS.join('|')})=)[^&#\\s"']*`, 'gi')

/** The URL (or any text quoting one) with the values of secret query parameters replaced. */
export function redactUrl(text: string): string {
  return text.replace(SECRET_IN_QUERY, `$1${REDACTED}`)
}

const scrub = (v: unknown) => (typeof v === 'string' ? redactUrl(v) : v)

/** Fastify's request serializer, with the URL redacted. */
function requestSerializer(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket ? req.socket.remotePort : undefined,
  }
}

type SerializedError = { [key: string]: unknown; type: string; message: string; stack: string }

/** pino's error shape (type, message, stack, own fields such as code or errcode, the cause), scrubbed. */
function errorSerializer(err: Error): SerializedError {
  if (!(err instanceof Error)) return scrub(err) as SerializedError
  const own = Object.fromEntries(Object.entries(err).map(([k, v]) => [k, scrub(v)]))
  const cause = (err as { cause?: unknown }).cause
  return {
    ...own,
    type: err.constructor?.name ?? 'Error',
    message: redactUrl(String(err.message)),
    stack: err.stack ? redactUrl(err.stack) : '',
    ...(cause !== undefined ? { cause: cause instanceof Error ? errorSerializer(cause) : scrub(cause) } : {}),
  }
}

/** The logger options buildApp hands Fastify; `stream` is the tests' seam to read what was logged. */
export function loggerOptions(level: string, stream?: LogStream): LoggerConfig {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['headers.authorization', 'headers.cookie', '*.headers.authorization', '*.headers.cookie', '*.headers["set-cookie"]'],
      censor: REDACTED,
    },
    serializers: { req: requestSerializer, err: errorSerializer },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...parts: unknown[]) => void) {
        method.apply(this, args.map(scrub))
      },
    },
  }
}
