/**
 * GET (and HEAD) /media/<key>: a stored file, from the media store, or for `demo/…` keys from the
 * demo photos shipped with the code (server/assets/media, so every instance has them).
 * Keys never change content (a new photo gets a new key), so files are cached for a year;
 * the ETag is the sha256 of the bytes and `If-None-Match` answers 304.
 */
import type { FastifyPluginAsync } from 'fastify'
import { notFound } from '../../http/errors'
import { MEDIA_PREFIX } from '../media'
import { isSafeMediaKey, type MediaStore, type StoredMedia } from './media-store'

const DEMO_PREFIX = 'demo/'
const CACHE_FOREVER = 'public, max-age=31536000, immutable'

/** True when an `If-None-Match` header names this ETag (or `*`); weak and strong forms compare equal. */
function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag
  })
}

export const mediaRoutes: FastifyPluginAsync<{ store: MediaStore; demo: MediaStore }> = async (app, { store, demo }) => {
  async function find(key: string): Promise<StoredMedia | null> {
    if (!isSafeMediaKey(key)) return null // never reaches the disk or the table
    if (key.startsWith(DEMO_PREFIX)) return (await demo.get(key)) ?? store.get(key)
    return store.get(key)
  }

  app.get(
    `${MEDIA_PREFIX}*`,
    {
      schema: {
        tags: ['media'],
        summary: 'A stored photo (display size `<key>.jpg` or thumbnail `<key>.thumb.jpg`); ETag is its sha256, cached for a year',
        params: { type: 'object', properties: { '*': { type: 'string', description: 'the file key, e.g. u/3f9a….jpg' } } },
        headers: { type: 'object', properties: { 'if-none-match': { type: 'string' } } },
        response: {
          200: {
            description: 'The file, with its Content-Type, an ETag (its sha256) and a year of caching',
            content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } },
          },
          304: { description: 'Not modified: If-None-Match named the ETag', type: 'null' },
          404: { $ref: 'ErrorBody' },
        },
      },
    },
    async (request, reply) => {
      const key = (request.params as { '*': string })['*']
      reply.header('x-content-type-options', 'nosniff')
      const file = await find(key)
      if (!file) throw notFound('Photo')
      const etag = `"${file.sha256}"`
      reply.header('etag', etag).header('cache-control', CACHE_FOREVER)
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send()
      return reply.type(file.contentType).send(file.bytes)
    },
  )
}
