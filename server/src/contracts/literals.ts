/** TypeBox unions derived from the domain's tuples, so each list of values is written once. */
import { Type, type SchemaOptions, type TLiteral, type TUnion } from '@sinclair/typebox'

type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> }

/** `literalUnion(['a', 'b'] as const)` ≡ `Type.Union([Type.Literal('a'), Type.Literal('b')])`. */
export function literalUnion<const T extends readonly string[]>(values: T, options?: SchemaOptions): TUnion<Literals<T>> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TUnion<Literals<T>>
}
