/**
 * Control characters (NUL and friends) are refused before any route runs: PostgreSQL cannot
 * store NUL in text or jsonb, and no field of ours means them. One preValidation hook for every
 * route checks the path parameters, the query, the header values and every string (and key) of
 * a parsed JSON body; a hit answers 400 CONTROL_CHARACTERS.
 *
 * What counts: U+0000–U+001F and U+007F. Tab, line feed and carriage return are text in a body
 * (a product's story has paragraphs) and tab is legal in a header value (RFC 9110); in a path
 * parameter or a query value they are refused too. Binary bodies (raw image uploads) are not text
 * and are not looked at.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from './errors'

/** Every C0 control and DEL. */
const ANY_CONTROL = /[\u0000-\u001f\u007f]/
/** The same, but tab, line feed and carriage return are allowed. */
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
/** The same, but tab is allowed (a header value cannot hold a line break anyway). */
const CONTROL_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f]/

/**
 * The path (`$.a[2].b`) of the first string or key in `value` that matches `pattern`, else null.
 * Iterative, so a body nested thousands deep cannot overflow the stack.
 */
export function findControlCharacter(value: unknown, pattern: RegExp, keyPattern: RegExp = pattern): string | null {
  const pending: Array<[unknown, string]> = [[value, '$']]
  while (pending.length > 0) {
    const [current, where] = pending.pop()!
    if (typeof current === 'string') {
      if (pattern.test(current)) return where
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push([current[i], `${where}[${i}]`])
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const key of Object.keys(current)) {
        if (keyPattern.test(key)) return `${where} (a key)`
        pending.push([(current as Record<string, unknown>)[key], `${where}.${key.length > 40 ? `${key.slice(0, 40)}…` : key}`])
      }
    }
  }
  return null
}

function refuse(part: string, where: string): AppError {
  return new AppError('CONTROL_CHARACTERS', `The ${part} holds a control character at ${where}; remove it and try again`)
}

/** Throws CONTROL_CHARACTERS when any text part of the request holds one. */
function checkControlCharacters(request: FastifyRequest): void {
  const params = findControlCharacter(request.params, ANY_CONTROL)
  if (params) throw refuse('path', params.replace(/^\$\.?/, '') || 'path')
  const query = findControlCharacter(request.query, ANY_CONTROL)
  if (query) throw refuse('query', query.replace(/^\$\.?/, '') || 'query')
  for (const [name, value] of Object.entries(request.headers)) {
    const values = Array.isArray(value) ? value : [value]
    if (values.some((one) => typeof one === 'string' && CONTROL_BUT_TAB.test(one))) throw refuse('header', name)
  }
  const body = findControlCharacter(request.body, CONTROL_BUT_WHITESPACE, ANY_CONTROL)
  if (body) throw refuse('body', body)
}

export function installControlCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => checkControlCharacters(request))
}
