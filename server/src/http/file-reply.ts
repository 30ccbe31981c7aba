/** Sending a generated file (a report's CSV or xlsx) as a download: its type, its name in ASCII and in UTF-8, never cached. */
import type { FastifyReply } from 'fastify'

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
function contentDisposition(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`
}

export function sendFile(reply: FastifyReply, type: string, names: { ascii: string; utf8: string }, body: string | Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(names.ascii, names.utf8))
    .header('cache-control', 'private, no-store')
    .send(body)
}
