/**
 * The registry audit log (registry_audit, this module's table): every view of a full registry
 * number, every status change, import, confirmation and export — who, when, what — and the page
 * of it the manager reads, newest first, by cursor.
 */
import { and, desc, eq, lt } from 'drizzle-orm'
import type { AuditAction, AuditPageDto } from '@contracts/households'
import type { Executor } from '../../db/client'
import { farmers, registryAudit, users } from '../../db/schema'
import { AppError } from '../../http/errors'
import { auditSummary } from './audit-summary'

export interface AuditRecord {
  cooperativeId: number
  userId: number
  action: AuditAction
  farmerId?: number | null
  /**
   * What the summary is written from — never a full registry number (use maskRegistryNo):
   *   set_status { status, since, previous, registryNoMasked } · end_status { status, endedOn }
   *   import { importId, fileName } (rows: data rows) · apply_import { importId } (rows: changes applied)
   *   discard_import { importId } · export { period: 'week'|'month'|'year', at: '2026-11' } (rows: households)
   */
  detail?: Record<string, unknown>
  rows?: number | null
  /** When it happened (default: the database's now). */
  at?: Date
}

/** Writes one audit entry; pass the caller's transaction so the entry and what it records commit together. */
export async function recordAudit(db: Executor, entry: AuditRecord): Promise<void> {
  await db.insert(registryAudit).values({
    cooperativeId: entry.cooperativeId,
    userId: entry.userId,
    action: entry.action,
    farmerId: entry.farmerId ?? null,
    detail: entry.detail ?? {},
    rows: entry.rows ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  })
}

/** The name a user goes by in the audit log and on an export: their nickname, else 用户<id>. */
export const displayName = (nickname: string | null | undefined, userId: number): string => nickname || `用户${userId}`

export const AUDIT_PAGE_SIZE = 20

function cursorId(cursor: string | undefined): number | null {
  if (cursor === undefined) return null
  const id = /^[1-9][0-9]{0,15}$/.test(cursor) ? Number(cursor) : NaN
  if (!Number.isSafeInteger(id)) throw new AppError('INVALID_CURSOR', 'cursor is not one this API handed out')
  return id
}

/** One page of the cooperative's audit log, newest first; `cursor` is the nextCursor of the page before. */
export async function auditPage(db: Executor, cooperativeId: number, { cursor, limit = AUDIT_PAGE_SIZE }: { cursor?: string; limit?: number }): Promise<AuditPageDto> {
  const before = cursorId(cursor)
  const rows = await db
    .select({
      id: registryAudit.id,
      at: registryAudit.at,
      action: registryAudit.action,
      userId: registryAudit.userId,
      nickname: users.nickname,
      farmerId: registryAudit.farmerId,
      farmerName: farmers.name,
      rows: registryAudit.rows,
      detail: registryAudit.detail,
    })
    .from(registryAudit)
    .innerJoin(users, eq(users.id, registryAudit.userId))
    .leftJoin(farmers, eq(farmers.id, registryAudit.farmerId))
    .where(and(eq(registryAudit.cooperativeId, cooperativeId), before === null ? undefined : lt(registryAudit.id, before)))
    .orderBy(desc(registryAudit.id))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  return {
    entries: page.map((r) => {
      const action = r.action as AuditAction
      return {
        id: r.id,
        at: r.at.toISOString(),
        userName: displayName(r.nickname, r.userId),
        action,
        farmerId: r.farmerId,
        farmerName: r.farmerName,
        rows: r.rows,
        summary: auditSummary(action, r.detail, r.rows),
      }
    }),
    nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
  }
}
