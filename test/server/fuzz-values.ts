/**
 * For the OpenAPI fuzz test: a seeded random source, a valid value for a JSON schema (as the
 * OpenAPI document states it), every field path of a body, and the hostile values to put there.
 */
import Ajv from 'ajv'
import addFormats from 'ajv-formats'

/** The parts of a JSON schema (as the OpenAPI document states it) the fuzz reads. */
export interface Schema {
  type?: string
  $ref?: string
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  enum?: unknown[]
  const?: unknown
  default?: unknown
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  minItems?: number
  minimum?: number
  maximum?: number
  minLength?: number
  nullable?: boolean
  description?: string
  [keyword: string]: unknown
}

/** mulberry32: a small deterministic generator, so a failing case is the same on every run. */
export function seeded(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = Math.imul(state ^ (state >>> 15), 1 | state)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    token: (length: number) => Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(next() * 36)]).join(''),
  }
}
export type Random = ReturnType<typeof seeded>

const ajv = new Ajv({ strict: false, allErrors: false })
addFormats(ajv)

const compiled = new Map<string, (value: unknown) => boolean>()

/** Whether a (string) schema accepts the value; OpenAPI's `nullable` and unknown formats aside. */
function accepts(schema: Schema, value: unknown): boolean {
  const { nullable: _nullable, description: _description, ...rest } = schema
  const key = JSON.stringify(rest)
  let check = compiled.get(key)
  if (!check) {
    try {
      const validate = ajv.compile(rest)
      check = (candidate) => validate(candidate) as boolean
    } catch {
      check = () => true
    }
    compiled.set(key, check)
  }
  return check(value)
}

/** Strings that satisfy most of our text fields: ids, codes, weeks, dates, names, phone numbers. */
const STRING_CANDIDATES = ['威宁苹果', 'fruit', 'abcdefgh12', '2026-W10', '2026-03-02', '2026-03-02T08:00:00.000Z', '13800138000', 'a', 'photos/abc', '08:00', 'CNY', '520000', 'x']

export function resolver(components: Record<string, Schema>) {
  return (schema: Schema): Schema => {
    let current = schema
    for (let hops = 0; current?.$ref && hops < 10; hops++) current = components[String(current.$ref).split('/').pop()!] ?? {}
    return current ?? {}
  }
}

/** A value the schema accepts (best effort: required properties only, the smallest arrays). */
export function validValue(input: Schema, deref: (s: Schema) => Schema, depth = 0): unknown {
  const schema = deref(input)
  if (depth > 8) return null
  if (Array.isArray(schema.enum)) return schema.enum[0]
  if ('const' in schema) return schema.const
  if (schema.default !== undefined) return schema.default
  const alternatives = schema.anyOf ?? schema.oneOf
  if (Array.isArray(alternatives)) return validValue(alternatives[0], deref, depth + 1)
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((part) => validValue(part, deref, depth + 1)))
  switch (schema.type) {
    case 'object': {
      const value: Record<string, unknown> = {}
      for (const key of schema.required ?? []) value[key] = validValue(schema.properties?.[key] ?? {}, deref, depth + 1)
      return value
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(schema.items ?? {}, deref, depth + 1))
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(1, schema.maximum ?? 1))
    case 'boolean':
      return true
    case 'null':
      return null
    case 'string':
      return STRING_CANDIDATES.find((candidate) => accepts(schema, candidate)) ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1))
    default:
      return 'x'
  }
}

export interface Field {
  /** Where in the body: ['specs', 0, 'name']. */
  path: (string | number)[]
  schema: Schema
}

/** Every property (required or not) and first array item of a body schema, a few levels deep. */
export function fieldsOf(input: Schema, deref: (s: Schema) => Schema, path: (string | number)[] = []): Field[] {
  const schema = deref(input)
  if (path.length > 4) return []
  const fields: Field[] = path.length > 0 ? [{ path, schema }] : []
  if (schema.type === 'object') {
    for (const [key, child] of Object.entries(schema.properties ?? {})) fields.push(...fieldsOf(child, deref, [...path, key]))
  } else if (schema.type === 'array' && schema.items) {
    fields.push(...fieldsOf(schema.items, deref, [...path, 0]))
  }
  return fields
}

/** A copy of `body` with `value` at `path`, creating the containers on the way. */
export function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  type Node = Record<string | number, unknown>
  const root = structuredClone(body ?? {}) as Node
  let node = root
  path.forEach((step, i) => {
    if (i === path.length - 1) {
      node[step] = value
      return
    }
    if (node[step] === null || typeof node[step] !== 'object') node[step] = typeof path[i + 1] === 'number' ? [] : {}
    node = node[step] as Node
  })
  return root
}

export const HUGE_STRING = '长'.repeat(20_000) + 'x'.repeat(40_000) // 100 KB of UTF-8
export const HUGE_ARRAY: readonly number[] = Array(100_000).fill(1)
export const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f']

/** Nested arrays `depth` deep, built without recursion. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** A value of the wrong JSON type for the schema. */
export function wrongType(schema: Schema): unknown {
  switch (schema.type) {
    case 'string':
      return 12345
    case 'integer':
    case 'number':
      return '12'
    case 'boolean':
      return 'yes'
    case 'array':
      return { 0: 'x' }
    case 'object':
      return 'not an object'
    default:
      return { unexpected: [true] }
  }
}

/** Out-of-range numbers: past int4, past 2^53, huge, negative, fractional. */
export const BAD_NUMBERS = [2147483648, 9007199254740993, 1e300, -1, -2147483649, 1.5, 0]

/** An object with an own `__proto__` key (JSON.parse makes it an own property, stringify keeps it). */
export const PROTO_OBJECT = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')
