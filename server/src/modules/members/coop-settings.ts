/**
 * The cooperative's settings a manager keeps (the service phone buyers call: 联系客服 on H5), and
 * what other modules read of them: a farmer's cooperative, with its county and service phone.
 */
import { eq } from 'drizzle-orm'
import type { CoopSettingsDto } from '@contracts/freight'
import type { Executor } from '../../db/client'
import { cooperatives, farmers } from '../../db/schema'
import { AppError, notFound } from '../../http/errors'

/** At least this many digits make a number someone can dial (the body's pattern allows spaces and dashes). */
const MIN_PHONE_DIGITS = 5

/** "  0857 - 623 1234 " → "0857 - 623 1234": trimmed, runs of spaces made one; null stays null. */
export function normalizeServicePhone(raw: string | null): string | null {
  if (raw === null) return null
  const phone = raw.trim().replace(/\s+/g, ' ')
  if ((phone.match(/\d/g) ?? []).length < MIN_PHONE_DIGITS) {
    throw new AppError('VALIDATION_FAILED', `servicePhone must hold at least ${MIN_PHONE_DIGITS} digits`)
  }
  return phone
}

export async function coopSettings(db: Executor, cooperativeId: number): Promise<CoopSettingsDto> {
  const [row] = await db.select({ servicePhone: cooperatives.servicePhone }).from(cooperatives).where(eq(cooperatives.id, cooperativeId))
  if (!row) throw notFound('Cooperative')
  return row
}

/** Sets (or, with null, clears) the cooperative's service phone. */
export async function setServicePhone(db: Executor, cooperativeId: number, raw: string | null): Promise<CoopSettingsDto> {
  const [row] = await db
    .update(cooperatives)
    .set({ servicePhone: normalizeServicePhone(raw) })
    .where(eq(cooperatives.id, cooperativeId))
    .returning({ servicePhone: cooperatives.servicePhone })
  if (!row) throw notFound('Cooperative')
  return row
}

export interface FarmerCooperative {
  cooperativeId: number
  county: string
  province: string
  servicePhone: string | null
}

/** The cooperative a farmer belongs to (active or not), or null for an unknown farmer. */
export async function cooperativeOfFarmer(db: Executor, farmerId: number): Promise<FarmerCooperative | null> {
  const [row] = await db
    .select({ cooperativeId: cooperatives.id, county: cooperatives.county, province: cooperatives.province, servicePhone: cooperatives.servicePhone })
    .from(farmers)
    .innerJoin(cooperatives, eq(cooperatives.id, farmers.cooperativeId))
    .where(eq(farmers.id, farmerId))
  return row ?? null
}
