/**
 * Importing the county's household list: upload (parsed, kept, audited; a retry with the same
 * Idempotency-Key answers the first import), the proposal (findings and changes, computed against
 * today's members each time it is shown), a column mapping, and the manager's confirmation —
 * recomputed inside one transaction under the number and farmer locks, refused as IMPORT_STALE
 * when it is no longer what the manager saw, else written all at once — or a discard. No HTTP.
 */
import { chinaDate } from '@domain/china-time'
import type { ImportMappingDto, ImportProposalDto } from '@contracts/households'
import type { Db, Executor } from '../../db/client'
import { UNIQUE_VIOLATION, pgErrorCode } from '../../db/pg-errors'
import { inTransaction } from '../../db/transaction'
import { AppError, notFound } from '../../http/errors'
import type { CoopAdmin } from '../members'
import { lockRegistryNo } from './household-repository'
import { changeStatus } from './household-service'
import { completeMapping, fitMapping, guessMapping, mappingProblem } from './import-mapping'
import { canonicalJson, changeDto, changesDigest, matchList, type MatchResult } from './import-match'
import { parseHouseholdFile, type ListFormat } from './import-parse'
import { appliedChanges, importById, importByKey, insertImport, lockFarmers, markImport, membersForMatching, saveMapping, setImportMapping, storedMapping, type ImportRow } from './import-repository'
import { recordAudit } from './registry-audit'

const notProposed = (status: string) => new AppError('IMPORT_NOT_PROPOSED', `This import is already ${status}`)
const EMPTY: MatchResult = { rowErrors: [], findings: [], changes: [] }

export function createImportService({ db, clock }: { db: Db; clock: () => Date }) {
  /**
   * The import's mapping: the one the manager set for it; else the cooperative's from its last
   * confirmed list, when it fits this header (remembered); else read off the header.
   */
  async function mappingOf(ex: Executor, imp: ImportRow): Promise<{ mapping: ImportMappingDto | null; remembered: boolean }> {
    const own = imp.mapping && fitMapping(imp.mapping, imp.header)
    if (own) return { mapping: own, remembered: false }
    const stored = await storedMapping(ex, imp.cooperativeId)
    const fitted = stored && fitMapping(stored, imp.header)
    if (fitted) return { mapping: fitted, remembered: true }
    return { mapping: completeMapping(guessMapping(imp.header)), remembered: false }
  }

  async function compute(ex: Executor, imp: ImportRow, mapping: ImportMappingDto | null, today: string): Promise<MatchResult> {
    if (!mapping) return EMPTY
    return matchList({ header: imp.header, rows: imp.rows, mapping, members: await membersForMatching(ex, imp.cooperativeId), today })
  }

  function dto(imp: ImportRow, mapping: { mapping: ImportMappingDto | null; remembered: boolean }, result: MatchResult, applied?: Pick<ImportProposalDto, 'changes' | 'changesDigest'>): ImportProposalDto {
    return {
      importId: imp.id,
      fileName: imp.fileName,
      status: imp.status as ImportProposalDto['status'],
      header: imp.header,
      rowCount: imp.rows.length,
      mapping: mapping.mapping,
      mappingRemembered: mapping.remembered,
      rowErrors: result.rowErrors,
      findings: result.findings,
      changes: applied?.changes ?? result.changes.map(changeDto),
      changesDigest: applied?.changesDigest ?? changesDigest(result.changes),
      createdAt: imp.createdAt.toISOString(),
      appliedAt: imp.appliedAt?.toISOString() ?? null,
    }
  }

  /** As the manager sees it now: a proposal against today's members; an applied one with the changes it wrote; a discarded one with none. */
  async function proposal(ex: Executor, imp: ImportRow): Promise<ImportProposalDto> {
    const mapping = await mappingOf(ex, imp)
    const result = await compute(ex, imp, mapping.mapping, chinaDate(clock()))
    if (imp.status === 'applied') return dto(imp, mapping, result, (await appliedChanges(ex, imp.cooperativeId, imp.id)) ?? { changes: [], changesDigest: changesDigest([]) })
    if (imp.status === 'discarded') return dto(imp, mapping, { ...result, changes: [] })
    return dto(imp, mapping, result)
  }

  async function ownImport(ex: Executor, admin: CoopAdmin, importId: number, lock = false): Promise<ImportRow> {
    const imp = await importById(ex, importId, lock)
    if (!imp || imp.cooperativeId !== admin.cooperativeId) throw notFound('Import')
    return imp
  }

  return {
    /** Parses and keeps the file; `created` false when this key already made an import (answered again). */
    async upload(admin: CoopAdmin, key: string, file: { name: string; bytes: Buffer; declared?: ListFormat }): Promise<{ created: boolean; proposal: ImportProposalDto }> {
      const parsed = await parseHouseholdFile(file.bytes, file.declared)
      const fileName = file.name
      const again = async () => {
        const first = await importByKey(db, admin.cooperativeId, admin.userId, key)
        if (!first) return null
        if (canonicalJson([first.header, first.rows]) !== canonicalJson([parsed.header, parsed.rows])) {
          throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another file')
        }
        return { created: false, proposal: await proposal(db, first) }
      }
      const earlier = await again()
      if (earlier) return earlier
      try {
        const imp = await inTransaction(db, async (tx) => {
          const at = clock()
          const row = await insertImport(tx, { cooperativeId: admin.cooperativeId, uploadedBy: admin.userId, idempotencyKey: key, fileName, ...parsed, createdAt: at })
          await recordAudit(tx, { ...admin, action: 'import', detail: { importId: row.id, fileName }, rows: parsed.rows.length, at })
          return row
        })
        return { created: true, proposal: await proposal(db, imp) }
      } catch (err) {
        const raced = pgErrorCode(err) === UNIQUE_VIOLATION ? await again() : null
        if (raced) return raced
        throw err
      }
    },

    async get(admin: CoopAdmin, importId: number): Promise<ImportProposalDto> {
      return proposal(db, await ownImport(db, admin, importId))
    },

    /** Sets this list's column mapping (the cooperative's remembers it once the list is confirmed). */
    async setMapping(admin: CoopAdmin, importId: number, mapping: ImportMappingDto): Promise<ImportProposalDto> {
      return inTransaction(db, async (tx) => {
        const imp = await ownImport(tx, admin, importId, true)
        if (imp.status !== 'proposed') throw notProposed(imp.status)
        const problem = mappingProblem(mapping, imp.header)
        if (problem) throw new AppError('IMPORT_MAPPING_INCOMPLETE', problem)
        await setImportMapping(tx, imp.id, mapping)
        return proposal(tx, { ...imp, mapping })
      })
    },

    /** Writes the proposal's changes, all or nothing, if they are still the ones behind `digest`. */
    async apply(admin: CoopAdmin, importId: number, digest: string): Promise<ImportProposalDto> {
      const at = clock()
      const today = chinaDate(at)
      return inTransaction(db, async (tx) => {
        const imp = await ownImport(tx, admin, importId, true)
        if (imp.status !== 'proposed') throw notProposed(imp.status)
        const mapping = await mappingOf(tx, imp)
        if (!mapping.mapping) throw new AppError('IMPORT_MAPPING_INCOMPLETE', 'Map the registry number and head name columns first')
        // Lock what the changes touch (numbers, then farmers by id: the order a manual change takes), then look again.
        const first = await compute(tx, imp, mapping.mapping, today)
        for (const no of [...new Set(first.changes.map((c) => c.to.registryNo))].sort()) await lockRegistryNo(tx, admin.cooperativeId, no)
        await lockFarmers(tx, first.changes.map((c) => c.farmerId))
        const result = await compute(tx, imp, mapping.mapping, today)
        const now = changesDigest(result.changes)
        if (now !== digest) throw new AppError('IMPORT_STALE', 'The members changed since this proposal was made; look at it again')
        for (const c of result.changes) {
          await changeStatus(tx, { cooperativeId: admin.cooperativeId, farmerId: c.farmerId, ...c.to, source: `import:${imp.id}`, userId: admin.userId, today })
        }
        await markImport(tx, imp.id, 'applied', { userId: admin.userId, at })
        // This list keeps the mapping it was applied with; the cooperative remembers it for the next one.
        await setImportMapping(tx, imp.id, mapping.mapping)
        await saveMapping(tx, admin.cooperativeId, mapping.mapping, at)
        const changes = result.changes.map(changeDto)
        await recordAudit(tx, { ...admin, action: 'apply_import', detail: { importId: imp.id, changesDigest: now, changes }, rows: changes.length, at })
        return dto({ ...imp, status: 'applied', appliedAt: at, appliedBy: admin.userId }, mapping, result, { changes, changesDigest: now })
      })
    },

    async discard(admin: CoopAdmin, importId: number): Promise<ImportProposalDto> {
      return inTransaction(db, async (tx) => {
        const imp = await ownImport(tx, admin, importId, true)
        if (imp.status !== 'proposed') throw notProposed(imp.status)
        await markImport(tx, imp.id, 'discarded', { userId: admin.userId, at: clock() })
        await recordAudit(tx, { ...admin, action: 'discard_import', detail: { importId: imp.id }, at: clock() })
        return proposal(tx, { ...imp, status: 'discarded' })
      })
    },
  }
}

export type ImportService = ReturnType<typeof createImportService>
