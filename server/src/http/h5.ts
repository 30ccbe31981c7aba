/** Serves the H5 build (dist/h5) at `/`, when it has been built. */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

export async function h5Fallback(app: FastifyInstance, h5Dir: string): Promise<void> {
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) return
  await app.register(fastifyStatic, {
    root: h5Dir,
    prefix: '/',
    decorateReply: false,
    wildcard: true,
    index: ['index.html'],
    cacheControl: true,
    maxAge: 0,
    setHeaders(res, filePath) {
      // Hashed bundles can be cached for long; index.html must always be revalidated.
      if (!filePath.endsWith('.html')) res.setHeader('cache-control', 'public, max-age=604800')
    },
  })
}
