/**
 * Importing the county's list: choose the file, send its bytes (one Idempotency-Key per choice of
 * a file, the same on every retry of it; choosing again — even the same file — is a new upload),
 * map its columns, then 确认导入 (with the digest of the changes the manager
 * saw) or 放弃 — each after a confirmation. Nothing changes on the server before 确认导入.
 */
import { useState } from 'react'
import type { ImportMappingDto, ImportProposalDto } from '@contracts/households'
import { isApiError, userMessage } from '../../../lib/api-error'
import { chooseSpreadsheet, type ChosenFile } from '../../../lib/files'
import { newIdempotencyKey } from '../../../lib/idempotency'
import { confirmModal, showToast } from '../../../lib/page'
import { householdsApi } from './api'

export interface ImportFlow {
  file: ChosenFile | null
  proposal: ImportProposalDto | null
  busy: boolean
  /** What went wrong last, in Chinese (cleared by the next action). */
  error: string | null
  choose: () => Promise<void>
  /** Sends the same file again (same key): after a lost answer, the server answers with the first result. */
  retry: () => Promise<void>
  saveMapping: (mapping: ImportMappingDto) => Promise<void>
  apply: () => Promise<void>
  discard: () => Promise<void>
  reset: () => void
}

export function useImport(): ImportFlow {
  const [chosen, setChosen] = useState<{ file: ChosenFile; key: string } | null>(null)
  const [proposal, setProposal] = useState<ImportProposalDto | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (call: () => Promise<ImportProposalDto>, done?: string) => {
    setBusy(true)
    setError(null)
    try {
      setProposal(await call())
      if (done) showToast(done)
    } catch (err) {
      setError(userMessage(err))
      // The list was matched again meanwhile: show what it proposes now.
      if (isApiError(err) && err.code === 'IMPORT_STALE' && proposal) setProposal(await householdsApi.getImport(proposal.importId).catch(() => proposal))
    } finally {
      setBusy(false)
    }
  }

  const upload = (c: { file: ChosenFile; key: string }) => run(() => householdsApi.upload(c.file, c.key))

  return {
    file: chosen?.file ?? null,
    proposal,
    busy,
    error,
    async choose() {
      if (busy) return
      setError(null)
      let file: ChosenFile | null
      try {
        file = await chooseSpreadsheet()
      } catch (err) {
        setError(userMessage(err))
        return
      }
      if (!file) return
      const choice = { file, key: newIdempotencyKey() }
      setChosen(choice)
      setProposal(null)
      await upload(choice)
    },
    retry: async () => {
      if (chosen && !busy) await upload(chosen)
    },
    saveMapping: async (mapping) => {
      if (proposal && !busy) await run(() => householdsApi.setMapping(proposal.importId, mapping), '已重新核对')
    },
    async apply() {
      if (!proposal || busy) return
      const n = proposal.changes.length
      const ok = await confirmModal({ title: '确认导入', content: `将变更 ${n} 位社员的在册信息。姓名不一致、重复和未找到社员的行不会导入。`, confirmText: '导入' })
      if (ok) await run(() => householdsApi.apply(proposal.importId, proposal.changesDigest), '已导入')
    },
    async discard() {
      if (!proposal || busy) return
      const ok = await confirmModal({ title: '放弃这份名单', content: '放弃后名单不会导入，社员的在册信息不变。', confirmText: '放弃' })
      if (ok) await run(() => householdsApi.discard(proposal.importId), '已放弃')
    },
    reset() {
      setChosen(null)
      setProposal(null)
      setError(null)
    },
  }
}
