/** Units produce is sold in, and weight conversions (1 斤 = 500 g = 0.5 kg). */

export const UNITS = ['斤', 'kg', '箱', '个'] as const
export type Unit = (typeof UNITS)[number]

export const GRAMS_PER_JIN = 500

/** Grams → kilograms, exact to the gram (3 decimals). */
export function gramsToKg(grams: number): number {
  return Math.round(grams) / 1000
}

/** "5斤装 · 2.5kg" style label of a spec's net weight. */
export function formatNetWeight(grams: number): string {
  if (grams >= 1000) return `${gramsToKg(grams)}kg`
  return `${grams}g`
}

/** Price per 斤 in fen for a spec (what Chinese buyers compare), rounded to the fen. */
export function pricePerJinFen(priceFen: number, netWeightG: number): number {
  if (netWeightG <= 0) throw new RangeError('net weight must be positive')
  return Math.round((priceFen * GRAMS_PER_JIN) / netWeightG)
}
