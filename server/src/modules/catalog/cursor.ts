/** Opaque keyset cursors: base64url of `{"id":N}`. A tampered cursor is a 400, never a 500. */
import { AppError } from '../../http/errors'

export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id })).toString('base64url')
}

export function decodeCursor(cursor: string): number {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new AppError('INVALID_CURSOR', 'cursor is not one this API handed out')
  }
  const id = (parsed as { id?: unknown } | null)?.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new AppError('INVALID_CURSOR', 'cursor is not one this API handed out')
  }
  return id
}
