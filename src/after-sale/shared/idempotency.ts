/**
 * One Idempotency-Key per submission attempt: kept while the buyer retries the same thing (a lost
 * answer, a second tap), a new one as soon as what is submitted changes. 8–64 of [A-Za-z0-9_-].
 * (The checkout has its own in src/features/checkout; features do not share code sideways.)
 */
import { useCallback, useRef } from 'react'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function newKey(): string {
  let random = ''
  for (let i = 0; i < 20; i++) random += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return `${Date.now().toString(36)}-${random}`
}

/** `keyFor(fingerprint)`: the current attempt's key, a new attempt when the fingerprint changed. */
export function useIdempotencyKey(): (fingerprint: string) => string {
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null)
  return useCallback((fingerprint: string) => {
    if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: newKey() }
    return attempt.current.key
  }, [])
}
