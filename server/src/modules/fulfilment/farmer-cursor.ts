/** Opaque keyset cursors over (timestamp, id): base64url of `{"at":"…","id":N}`. Tampered → 400. */
import { AppError } from '../../http/errors'
import type { Keyset } from './farmer-order-repository'

export function encodeKeyset(k: Keyset): string {
  return Buffer.from(JSON.stringify({ at: k.at, id: k.id })).toString('base64url')
}

export function decodeKeyset(cursor: string): Keyset {
  const invalid = () => new AppError('INVALID_CURSOR', 'cursor is not one this API handed out')
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  const { at, id } = (parsed ?? {}) as { at?: unknown; id?: unknown }
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw invalid()
  if (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(at) || Number.isNaN(Date.parse(at))) throw invalid()
  return { at, id }
}
