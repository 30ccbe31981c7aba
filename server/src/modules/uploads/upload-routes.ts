/**
 * POST /api/v1/uploads: the raw image is the body (Content-Type image/jpeg, image/png,
 * image/webp or application/octet-stream), at most 5 MB; header Upload-Id makes retries safe.
 * One body format for every client: weapp sends the file's ArrayBuffer through wx.request,
 * H5 sends the File/Blob through fetch. No multipart parsing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { UploadResult } from '@contracts/farmer-listings'
import { requireUser } from '../../http/auth-guard'
import { AppError } from '../../http/errors'
import { LIMITS } from '@domain/limits'
import type { AuthService } from '../auth'
import type { UploadService } from './upload-service'

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream']
const errors = Object.fromEntries([400, 401, 413, 415, 422].map((s) => [s, { $ref: 'ErrorBody' }]))

const UploadHeaders = Type.Object({
  'upload-id': Type.Optional(
    Type.String({ minLength: LIMITS.uploadIdMin, maxLength: LIMITS.uploadIdMax, pattern: '^[A-Za-z0-9_-]+$', description: 'Client-chosen id; a retry with the same id returns the first result' }),
  ),
})

export const uploadRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; uploads: UploadService }> = async (app, { auth, uploads }) => {
  // Scoped to this plugin: only the upload route reads raw image bodies.
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: LIMITS.uploadMaxBytes }, (_req, body, done) => done(null, body))

  app.post(
    '/api/v1/uploads',
    {
      bodyLimit: LIMITS.uploadMaxBytes,
      schema: {
        tags: ['uploads'],
        summary: 'Upload a photo (raw JPEG/PNG/WebP body, ≤ 5 MB); stored re-encoded without metadata',
        security: [{ bearer: [] }],
        headers: UploadHeaders,
        response: { 200: UploadResult, 201: UploadResult, ...errors },
      },
      // Who is uploading is settled before a 5 MB body is read: `security` puts auth-first in onRequest.
    },
    async (request, reply) => {
      const user = await requireUser(request, auth)
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the image itself as the body with Content-Type ${IMAGE_TYPES.join(', ')}`)
      if (request.body.length === 0) throw new AppError('EMPTY_UPLOAD', 'The upload is empty')
      const outcome = await uploads.upload(user.id, request.headers['upload-id'], request.body)
      return reply.status(outcome.created ? 201 : 200).send(outcome.result)
    },
  )
}
