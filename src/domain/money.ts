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

/**
 * What a farmer types as a price in yuan → fen: '12.8' → 1280, '5' → 500, '0.05' → 5.
 * Refuses anything but plain digits with at most 2 decimals (no sign, no exponent, no 3rd decimal):
 * returns null, so a form can say what is wrong.
 */
export function yuanToFen(input: string): number | null {
  const text = input.trim().replace(/^¥/, '').trim()
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text) ?? /^()\.(\d{1,2})$/.exec(text)
  if (!m) return null
  const yuan = m[1] === '' ? 0 : Number(m[1])
  const cents = Number((m[2] ?? '').padEnd(2, '0'))
  const fen = yuan * 100 + cents
  return Number.isSafeInteger(fen) ? fen : null
}

/** 1280 → '12.8', 500 → '5', 5 → '0.05': fen as a yuan amount a form shows for editing. */
export function fenToYuanInput(fen: number): string {
  if (!isFen(fen)) return ''
  const yuan = Math.floor(Math.abs(fen) / 100)
  const cents = Math.abs(fen) % 100
  const sign = fen < 0 ? '-' : ''
  if (cents === 0) return `${sign}${yuan}`
  return `${sign}${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`
}
