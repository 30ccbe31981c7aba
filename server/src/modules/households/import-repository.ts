/**
 * SQL for county-list imports (household_imports, household_column_mappings: this module's
 * tables): the import by id or by its idempotency key, its status, the cooperative's remembered
 * column mapping, the members as matching sees them, and the changes a confirmation applied (kept
 * in its apply_import audit entry, numbers masked).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { ImportMappingDto, ProposedChangeDto } from '@contracts/households'
import type { Executor } from '../../db/client'
import { farmers, householdColumnMappings, householdImports, registryAudit } from '../../db/schema'
import type { MemberHousehold } from './import-match'
import { periodsOfCooperative } from './registry-report-repository'

export type ImportRow = typeof householdImports.$inferSelect

export async function importById(db: Executor, importId: number, lock = false): Promise<ImportRow | null> {
  const query = db.select().from(householdImports).where(eq(householdImports.id, importId))
  const [row] = lock ? await query.for('update') : await query
  return row ?? null
}

export async function importByKey(db: Executor, cooperativeId: number, userId: number, key: string): Promise<ImportRow | null> {
  const [row] = await db
    .select()
    .from(householdImports)
    .where(and(eq(householdImports.cooperativeId, cooperativeId), eq(householdImports.uploadedBy, userId), eq(householdImports.idempotencyKey, key)))
  return row ?? null
}

export async function insertImport(db: Executor, row: typeof householdImports.$inferInsert): Promise<ImportRow> {
  const [created] = await db.insert(householdImports).values(row).returning()
  return created
}

export async function markImport(db: Executor, importId: number, status: 'applied' | 'discarded', by: { userId: number; at: Date }): Promise<void> {
  await db
    .update(householdImports)
    .set(status === 'applied' ? { status, appliedAt: by.at, appliedBy: by.userId } : { status })
    .where(eq(householdImports.id, importId))
}

/** The mapping of the cooperative's last confirmed list, or null. */
export async function storedMapping(db: Executor, cooperativeId: number): Promise<Record<string, string> | null> {
  const [row] = await db.select({ mapping: householdColumnMappings.mapping }).from(householdColumnMappings).where(eq(householdColumnMappings.cooperativeId, cooperativeId))
  return row?.mapping ?? null
}

/** Remembers `mapping` as the cooperative's, for its next list (on confirming one). */
export async function saveMapping(db: Executor, cooperativeId: number, mapping: ImportMappingDto, at: Date): Promise<void> {
  await db
    .insert(householdColumnMappings)
    .values({ cooperativeId, mapping, updatedAt: at })
    .onConflictDoUpdate({ target: householdColumnMappings.cooperativeId, set: { mapping, updatedAt: at } })
}

/** The mapping the manager set for this list. */
export async function setImportMapping(db: Executor, importId: number, mapping: ImportMappingDto): Promise<void> {
  await db.update(householdImports).set({ mapping }).where(eq(householdImports.id, importId))
}

/** The cooperative's members with their numbers and open periods, for matching. */
export async function membersForMatching(db: Executor, cooperativeId: number): Promise<MemberHousehold[]> {
  const [members, periods] = await Promise.all([
    db.select({ farmerId: farmers.id, name: farmers.name, village: farmers.village, active: farmers.active }).from(farmers).where(eq(farmers.cooperativeId, cooperativeId)).orderBy(asc(farmers.id)),
    periodsOfCooperative(db, cooperativeId),
  ])
  const byFarmer = new Map<number, typeof periods>()
  // newest first per farmer
  for (const p of [...periods].reverse()) byFarmer.set(p.farmerId, [...(byFarmer.get(p.farmerId) ?? []), p])
  return members.map((m) => {
    const own = byFarmer.get(m.farmerId) ?? []
    const open = own.find((p) => p.endedOn === null) ?? null
    const numbered = own.find((p) => p.registryNo !== null) ?? null
    const lastEndedOn = own.reduce<string | null>((max, p) => (p.endedOn !== null && (max === null || p.endedOn > max) ? p.endedOn : max), null)
    return {
      ...m,
      registryNo: numbered?.registryNo ?? null,
      headName: (numbered ?? open)?.headName ?? '',
      open: open && { status: open.status, startedOn: open.startedOn, registryNo: open.registryNo, headName: open.headName },
      lastEndedOn,
    }
  })
}

/** Takes the farmer rows for update, in id order (the one lock order for members). */
export async function lockFarmers(db: Executor, farmerIds: readonly number[]): Promise<void> {
  if (farmerIds.length === 0) return
  await db
    .select({ id: farmers.id })
    .from(farmers)
    .where(inArray(farmers.id, [...new Set(farmerIds)]))
    .orderBy(asc(farmers.id))
    .for('update')
}

/** What a confirmation wrote, as recorded in its apply_import audit entry. */
export async function appliedChanges(db: Executor, cooperativeId: number, importId: number): Promise<{ changes: ProposedChangeDto[]; changesDigest: string } | null> {
  const [entry] = await db
    .select({ detail: registryAudit.detail })
    .from(registryAudit)
    .where(and(eq(registryAudit.cooperativeId, cooperativeId), eq(registryAudit.action, 'apply_import'), sql`${registryAudit.detail}->>'importId' = ${String(importId)}`))
    .orderBy(desc(registryAudit.id))
    .limit(1)
  if (!entry || !Array.isArray(entry.detail.changes)) return null
  return { changes: entry.detail.changes as ProposedChangeDto[], changesDigest: String(entry.detail.changesDigest ?? '') }
}
