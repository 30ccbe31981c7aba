/**
 * Who may see a cooperative's figures: its managers (coop_admin bound to that cooperative).
 * Anything of another cooperative — its id, one of its farmers — answers 404, as if it did
 * not exist, so a manager cannot learn what other cooperatives hold.
 */
import { and, eq } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { isIsoWeek, currentWeek } from '@domain/weeks'
import type { Executor } from '../../db/client'
import { cooperatives, farmers } from '../../db/schema'
import { requireRole } from '../../http/auth-guard'
import { AppError, forbidden, notFound } from '../../http/errors'
import type { AuthService } from '../auth'
import type { CoopInfoDto } from '@contracts/coop'

export interface CoopAdmin {
  userId: number
  cooperativeId: number
}

/** The signed-in manager and their cooperative; `askedFor`, when given, must be that cooperative. */
export async function requireCoopAdmin(request: FastifyRequest, auth: AuthService, askedFor?: number): Promise<CoopAdmin> {
  const user = await requireRole(request, auth, 'coop_admin')
  if (user.cooperativeId === null) throw forbidden('This account manages no cooperative')
  if (askedFor !== undefined && askedFor !== user.cooperativeId) throw notFound('Cooperative')
  return { userId: user.id, cooperativeId: user.cooperativeId }
}

export async function coopInfo(db: Executor, cooperativeId: number): Promise<CoopInfoDto> {
  const [row] = await db
    .select({ id: cooperatives.id, name: cooperatives.name, commissionBps: cooperatives.commissionBps })
    .from(cooperatives)
    .where(eq(cooperatives.id, cooperativeId))
  if (!row) throw notFound('Cooperative')
  return row
}

/** A farmer of this cooperative (active or not), or a 404; `lock` takes the farmer row for update. */
export async function ownFarmer(db: Executor, cooperativeId: number, farmerId: number, lock = false) {
  const query = db
    .select()
    .from(farmers)
    .where(and(eq(farmers.id, farmerId), eq(farmers.cooperativeId, cooperativeId)))
  const [row] = lock ? await query.for('update') : await query
  if (!row) throw notFound('Farmer')
  return row
}

/** The week asked for (default: the week in progress in China), refusing week 53 of a 52-week year. */
export function weekOrCurrent(week: string | undefined, now: Date): string {
  if (week === undefined) return currentWeek(now)
  if (!isIsoWeek(week)) throw new AppError('INVALID_WEEK', `${week} is not an ISO week of its year`)
  return week
}
