/**
 * Importing the county's household list (the cooperative's managers only; another cooperative's
 * import is a 404). The upload's body is the file itself — CSV (text/csv, text/plain,
 * application/vnd.ms-excel as Windows names .csv, or application/octet-stream: the bytes decide)
 * or xlsx — at most 2 MB, with an Idempotency-Key; no multipart parsing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { ApplyImportBody, ImportMappingBody, ImportParams, ImportProposal, ImportQuery } from '@contracts/households'
import { IdempotencyHeaders } from '@contracts/orders'
import type { Db } from '../../db/client'
import { AppError } from '../../http/errors'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import { IMPORT_MAX_BYTES, XLSX_TYPE } from './import-parse'
import { createImportService } from './import-service'

const FILE_TYPES = ['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel', XLSX_TYPE]
const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e, 413: e, 415: e, 422: e }
const security = [{ bearer: [] }]
const tags = ['households']
const path = '/api/v1/coop/household-imports'

export const importRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; db: Db; clock: () => Date }> = async (app, { auth, db, clock }) => {
  const imports = createImportService({ db, clock })
  // Scoped to this plugin: only the upload reads a raw file body (text/plain's default parser gives way).
  app.removeContentTypeParser('text/plain')
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body))
  const admin = (request: FastifyRequest) => requireCoopAdmin(request, auth)

  app.post(
    path,
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Upload the county’s household list (raw CSV or xlsx body, ≤ 2 MB): parsed, matched to members, nothing changed until confirmed (audited)',
        security,
        headers: IdempotencyHeaders,
        querystring: ImportQuery,
        response: { 200: ImportProposal, 201: ImportProposal, ...errors },
      },
      // A farmer or a buyer is refused before the body is read (the signed-in user is resolved once and cached).
      onRequest: async (request) => void (await admin(request)),
    },
    async (request, reply) => {
      const user = await admin(request)
      // An empty body reaches no parser: it is an empty file.
      const body = request.body === undefined || request.body === null ? Buffer.alloc(0) : request.body
      if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the file itself as the body with Content-Type ${FILE_TYPES.join(', ')}`)
      const declared = request.headers['content-type']?.startsWith(XLSX_TYPE) ? 'xlsx' : undefined
      const file = { name: (request.query.fileName ?? '').trim(), bytes: body, declared } as const
      const outcome = await imports.upload(user, request.headers['idempotency-key'], file)
      return reply.status(outcome.created ? 201 : 200).send(outcome.proposal)
    },
  )

  app.get(
    `${path}/:importId`,
    { schema: { tags, summary: 'An import: its findings and the changes a confirmation would make', security, params: ImportParams, response: { 200: ImportProposal, ...errors } } },
    async (request) => imports.get(await admin(request), request.params.importId),
  )

  app.put(
    `${path}/:importId/mapping`,
    {
      schema: {
        tags,
        summary: 'Say which column holds which field, for this list (the cooperative’s next list starts from it once this one is confirmed)',
        security,
        params: ImportParams,
        body: ImportMappingBody,
        response: { 200: ImportProposal, ...errors },
      },
    },
    async (request) => imports.setMapping(await admin(request), request.params.importId, request.body.mapping),
  )

  app.post(
    `${path}/:importId/apply`,
    {
      schema: {
        tags,
        summary: 'Confirm: write the proposed changes, all or nothing, if they are still the ones shown (changesDigest; audited)',
        security,
        params: ImportParams,
        body: ApplyImportBody,
        response: { 200: ImportProposal, ...errors },
      },
    },
    async (request) => imports.apply(await admin(request), request.params.importId, request.body.changesDigest),
  )

  app.post(
    `${path}/:importId/discard`,
    { schema: { tags, summary: 'Discard the import without changing anything (audited)', security, params: ImportParams, response: { 200: ImportProposal, ...errors } } },
    async (request) => imports.discard(await admin(request), request.params.importId),
  )
}
