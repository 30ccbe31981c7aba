/**
 * A plain HTTP/1.1 client over keep-alive sockets (node:http, no dependency), light enough that
 * the load generator does not take much of the 2 cores the server also needs.
 */
import http from 'node:http'

export interface HttpResult {
  status: number
  /** The response body as text. */
  body: string
  /** Size of the response body in bytes (no compression is configured, so this is what travels). */
  bytes: number
  /** From sending the request to the last byte of the body. */
  ms: number
}

export interface HttpClient {
  request(method: string, path: string, options?: { headers?: Record<string, string>; json?: unknown }): Promise<HttpResult>
  close(): void
}

export function createHttpClient(baseUrl: string, maxSockets: number): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets })
  const { hostname, port } = new URL(baseUrl)
  return {
    request(method, path, { headers = {}, json } = {}) {
      const payload = json === undefined ? null : Buffer.from(JSON.stringify(json))
      return new Promise<HttpResult>((resolve, reject) => {
        const t0 = performance.now()
        const req = http.request(
          {
            agent,
            hostname,
            port,
            method,
            path,
            headers: payload ? { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) } : headers,
          },
          (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
              const body = Buffer.concat(chunks)
              resolve({ status: res.statusCode ?? 0, body: body.toString('utf8'), bytes: body.length, ms: performance.now() - t0 })
            })
            res.on('error', reject)
          },
        )
        req.on('error', reject)
        req.end(payload ?? undefined)
      })
    },
    close: () => agent.destroy(),
  }
}
