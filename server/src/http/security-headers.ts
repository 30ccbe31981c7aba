/**
 * Security headers on every response (@fastify/helmet): nosniff, no framing (CSP frame-ancestors
 * 'none' and X-Frame-Options DENY), no referrer, and one Content-Security-Policy that the H5
 * storefront, the API docs (Swagger UI) and the API's own answers live under. The storefront's
 * index.html carries one inline script (Taro's rem sizing): its sha256 is read from the build at
 * start. A route that sets its own policy (the sandbox cashier) keeps it, with frame-ancestors
 * 'none' added. HSTS only behind a TLS-terminating proxy (TRUST_PROXY), on requests that came
 * over https. Photos under /media/ may be embedded cross-origin (the mini-program's image views).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import helmet from '@fastify/helmet'
import type { Config } from '../config'

export const HSTS = 'max-age=31536000; includeSubDomains'
const MEDIA_PREFIX = '/media/'

/** The CSP source ('sha256-…') of each inline <script> in the H5 build's index.html; none when it is not built. */
export function inlineScriptHashes(h5Dir: string): string[] {
  const file = path.join(h5Dir, 'index.html')
  if (!fs.existsSync(file)) return []
  const html = fs.readFileSync(file, 'utf8')
  return [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => m[1].trim() !== '')
    .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
}

export function cspDirectives(scriptHashes: string[]): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'script-src': ["'self'", ...scriptHashes],
    'script-src-attr': ["'none'"],
    // Taro's H5 components and Swagger UI add <style> elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: the SVG icons in Taro's and Swagger UI's CSS; blob: a photo chosen on H5, shown before upload.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // blob: the H5 build reads a chosen photo's bytes with fetch(blob:…) to upload them.
    'connect-src': ["'self'", 'blob:'],
  }
}

/** Fastify's trustProxy for TRUST_PROXY (its types omit the hop count: the n nearest hops are trusted). */
export function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust
}

/** Call before any route is added. */
export async function installSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(inlineScriptHashes(config.h5Dir)) },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  })
  app.addHook('onRequest', async (request, reply) => {
    if (config.trustProxy !== false && request.protocol === 'https') reply.header('strict-transport-security', HSTS)
    if (request.url.startsWith(MEDIA_PREFIX)) reply.header('cross-origin-resource-policy', 'cross-origin')
  })
  app.addHook('onSend', async (_request, reply, payload) => {
    const csp = reply.getHeader('content-security-policy')
    if (typeof csp === 'string' && !/(^|;)\s*frame-ancestors\s/i.test(csp)) {
      reply.header('content-security-policy', `${csp.replace(/[;\s]+$/, '')}; frame-ancestors 'none'`)
    }
    return payload
  })
}
