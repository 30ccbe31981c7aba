/**
 * Faults refused before Fastify sees a request, answered in our error shape too.
 *
 * Limits: the request head (request line + headers) is at most 16 KiB — Node's own parser
 * enforces it (`maxHeaderSize`, passed to the server by Fastify's `http` option) and answers
 * 431 HEADERS_TOO_LARGE through the server's 'clientError' event, below; a URL longer than
 * 8 KiB is 414 URI_TOO_LONG (an onRequest hook, or the parser when the URL alone overflows the
 * head). Any other malformed head — a control character in a header value included — is 400, a
 * head that never completes 408. These answers are written to the socket as raw HTTP with
 * `Connection: close`, then the socket is closed: the parser cannot continue after them.
 */
import type { Socket } from 'node:net'
import type { ConnectionError, FastifyInstance } from 'fastify'
import type { ErrorCode } from '@contracts/errors'
import { BARE_SECURITY_HEADERS } from './bare-headers'
import { AppError } from './errors'

export const HTTP_LIMITS = { maxHeaderBytes: 16 * 1024, maxUrlLength: 8 * 1024 } as const

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' }

/** True when the bytes start with a request line that is not finished within the URL limit. */
function urlOverflows(raw: unknown): boolean {
  if (!Buffer.isBuffer(raw) || !/^[A-Z]+ \//.test(raw.subarray(0, 16).toString('latin1'))) return false
  const lineEnd = raw.indexOf('\r\n')
  return lineEnd === -1 || lineEnd > HTTP_LIMITS.maxUrlLength
}

function answerOf(err: ConnectionError): { status: number; code: ErrorCode; message: string } {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return urlOverflows((err as { rawPacket?: unknown }).rawPacket)
        ? { status: 414, code: 'URI_TOO_LONG', message: `The URL is longer than ${HTTP_LIMITS.maxUrlLength} characters` }
        : { status: 431, code: 'HEADERS_TOO_LARGE', message: `The request headers are larger than ${HTTP_LIMITS.maxHeaderBytes} bytes` }
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: 'BODY_TOO_LARGE', message: 'Chunk extensions are too large' }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'BAD_REQUEST', message: 'The request did not arrive in time' }
    case 'HPE_INVALID_HEADER_TOKEN':
      if (/value char/i.test(err.message)) return { status: 400, code: 'CONTROL_CHARACTERS', message: 'A header value holds a control character' }
      return { status: 400, code: 'BAD_REQUEST', message: 'A header is malformed' }
    default:
      return { status: 400, code: 'BAD_REQUEST', message: 'The request is malformed HTTP' }
  }
}

/** Fastify's `clientErrorHandler`: Node's parser refused the request; answer in our shape and close. */
export function clientErrorHandler(err: ConnectionError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const { status, code, message } = answerOf(err)
  // As Node does: only when no response to an earlier request on this socket is half-written.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent: boolean } })._httpMessage
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify({ error: { code, message } })
    const head = [
      `HTTP/1.1 ${status} ${REASONS[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      ...Object.entries(BARE_SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
      'Connection: close',
    ]
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`)
    // A client that keeps sending is cut off soon after the answer is out.
    setTimeout(() => socket.destroy(), 1000).unref()
    return
  }
  socket.destroy(err)
}

/** A URL over the limit (but within the head limit Node enforces) is refused before routing work. */
export function installUrlLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if ((request.raw.url ?? '').length > HTTP_LIMITS.maxUrlLength) {
      throw new AppError('URI_TOO_LONG', `The URL is longer than ${HTTP_LIMITS.maxUrlLength} characters`)
    }
  })
}
