/**
 * One Idempotency-Key per submission attempt (placing an order, filing a claim): the same key
 * while the user retries the same submission (a lost answer, a second tap), a new one as soon as
 * what is submitted changes.
 */
import { useCallback, useRef } from 'react'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** 8–64 characters of [A-Za-z0-9_-], as the server requires: time plus 20 random characters. */
export function newIdempotencyKey(now: number = Date.now()): string {
  let random = ''
  for (let i = 0; i < 20; i++) random += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return `${now.toString(36)}-${random}`
}

/** `keyFor(fingerprint)` returns the current attempt's key, starting a new attempt when the fingerprint changed. */
export function useIdempotencyKey(): (fingerprint: string) => string {
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null)
  return useCallback((fingerprint: string) => {
    if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: newIdempotencyKey() }
    return attempt.current.key
  }, [])
}
