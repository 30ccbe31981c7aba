/** Money is integer fen everywhere; it is formatted only at the edge. */

export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

/** 1280 → "¥12.80"; -50 → "-¥0.50". */
export function formatFen(fen: number): string {
  if (!isFen(fen)) throw new TypeError(`not an amount in fen: ${String(fen)}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}¥${yuan}.${cents}`
}

/** Sums amounts in fen, refusing anything that is not a safe integer. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0
  for (const a of amounts) {
    if (!isFen(a)) throw new TypeError(`not an amount in fen: ${String(a)}`)
    total += a
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('total overflows')
  return total
}
