/**
 * 导入县名单: the county's list of registered households (CSV or xlsx) → the columns it has, how
 * they map, the rows that could not be read, what matching it to the members found, the changes
 * it proposes; 确认导入 applies exactly those, 放弃 drops the list. Nothing changes before 确认导入.
 */
import { Button, Text, View } from '@tarojs/components'
import type { ImportProposalDto } from '@contracts/households'
import { isH5 } from '../../../lib/env'
import { openPage } from '../../../lib/navigation'
import { householdRoutes, ImportChanges, ImportFindings, ImportMapping, useImport, type ImportFlow } from '../../features/households'
import { coopPage } from '../../shared/coop-gate'
import { coopRoutes } from '../../shared/routes'
import '../../shared/coop.scss'

const button = (off: boolean, ghost = false) => `c-button${ghost ? ' c-button--ghost' : ''}${off ? ' c-button--off' : ''}`
const STATUS_TEXT: Record<ImportProposalDto['status'], string> = { proposed: '待确认', applied: '已导入', discarded: '已放弃' }

function Choose({ flow }: { flow: ImportFlow }) {
  return (
    <View id="import-start" className="c-card">
      <Text className="hh-note">
        {isH5 ? '从电脑里选择县里导出的建档立卡户名单（CSV 或 Excel .xlsx）。' : '先把县里的建档立卡户名单（CSV 或 Excel .xlsx）发到微信聊天里，再从聊天记录里选择它。'}
        核对结果给你看过、你确认后才会导入。
      </Text>
      <View className="c-actions">
        <Button id="import-choose" className={button(flow.busy)} disabled={flow.busy} onClick={() => void flow.choose()}>
          {flow.busy ? '正在上传…' : '选择名单文件'}
        </Button>
      </View>
      {flow.file && !flow.busy && flow.error ? (
        <View className="c-actions">
          <Button id="import-retry" className={button(false, true)} onClick={() => void flow.retry()}>
            重新上传 {flow.file.name}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Proposal({ flow, proposal }: { flow: ImportFlow; proposal: ImportProposalDto }) {
  const open = proposal.status === 'proposed'
  const canApply = open && proposal.mapping !== null && proposal.changes.length > 0
  return (
    <View>
      <View id="import-file" className="c-card">
        <View className="c-card__title">
          <Text>{proposal.fileName || '名单'}</Text>
          <Text id="import-status" className="c-muted">
            {STATUS_TEXT[proposal.status]}
          </Text>
        </View>
        <Text className="hh-note">
          共 {proposal.rowCount} 行；表头：{proposal.header.join('、')}
        </Text>
      </View>
      {open ? <ImportMapping key={`${proposal.importId}:${JSON.stringify(proposal.mapping)}`} proposal={proposal} busy={flow.busy} onSave={(m) => void flow.saveMapping(m)} /> : null}
      {proposal.status !== 'discarded' ? <ImportFindings proposal={proposal} /> : null}
      {proposal.mapping !== null && proposal.status !== 'discarded' ? <ImportChanges proposal={proposal} /> : null}
      {open ? (
        <View className="c-actions">
          <Button id="import-discard" className={button(flow.busy, true)} disabled={flow.busy} onClick={() => void flow.discard()}>
            放弃
          </Button>
          <Button id="import-apply" className={button(flow.busy || !canApply)} disabled={flow.busy || !canApply} onClick={() => void flow.apply()}>
            确认导入
          </Button>
        </View>
      ) : (
        <View className="c-actions">
          <Button id="import-again" className={button(false, true)} onClick={flow.reset}>
            再导入一份
          </Button>
          <Button id="import-done" className={button(false)} onClick={() => openPage(coopRoutes.members())}>
            看成员名单
          </Button>
        </View>
      )}
    </View>
  )
}

function HouseholdImport() {
  const flow = useImport()
  return (
    <View className="hh">
      {flow.proposal ? <Proposal flow={flow} proposal={flow.proposal} /> : <Choose flow={flow} />}
      {flow.error ? (
        <Text id="import-error" className="hh-error">
          {flow.error}
        </Text>
      ) : null}
      <Text id="open-registry-audit" className="hh-link" onClick={() => openPage(householdRoutes.audit)}>
        导入和查看记录 ›
      </Text>
    </View>
  )
}

export default coopPage(HouseholdImport)
