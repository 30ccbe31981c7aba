/**
 * Request validation. Query strings, path and header parameters arrive as text and are
 * coerced to their schema types ("20" → 20); JSON bodies are not: a number where the
 * schema wants a string is a 400, as a wrong type should be.
 */
import Ajv, { type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'

const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false }

function makeAjv(coerceTypes: Options['coerceTypes']) {
  const ajv = new Ajv({ ...common, coerceTypes })
  addFormats(ajv)
  return ajv
}

export function installValidation(app: FastifyInstance): void {
  const strict = makeAjv(false)
  const coercing = makeAjv('array')
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  )
}
