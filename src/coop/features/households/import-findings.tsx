/** What matching the county's list found, grouped by kind, and the rows that could not be read. */
import { Text, View } from '@tarojs/components'
import type { FindingKind, ImportFindingDto, ImportProposalDto } from '@contracts/households'
import { ShowMore, usePaged } from '../../shared/paged'
import { FINDING_HINTS, FINDING_KINDS, FINDING_LABELS } from './labels'

function FindingGroup({ kind, findings }: { kind: FindingKind; findings: readonly ImportFindingDto[] }) {
  const paged = usePaged(findings)
  return (
    <View id={`findings-${kind}`} className="c-card">
      <View className="c-card__title">
        <Text id={`findings-${kind}-label`}>{FINDING_LABELS[kind]}</Text>
        <Text id={`findings-${kind}-count`} className="c-muted">
          {findings.length} 条
        </Text>
      </View>
      <Text className="hh-note">{FINDING_HINTS[kind]}</Text>
      {paged.shown.map((f, i) => (
        <View key={`${f.row ?? 'm'}-${f.farmerId ?? ''}-${i}`} className="hh-item">
          <View className="hh-item__head">
            <Text>{f.row === null ? f.farmerName : `第${f.row}行 ${f.listName ?? ''}`}</Text>
            <Text className="hh-item__sub">{f.registryNoMasked}</Text>
          </View>
          {f.row !== null && f.farmerName ? <Text className="hh-item__sub">社员：{f.farmerName}</Text> : null}
          <Text className="hh-item__sub">{f.message}</Text>
        </View>
      ))}
      <ShowMore paged={paged} label="显示更多 ›" />
    </View>
  )
}

export function ImportFindings({ proposal }: { proposal: ImportProposalDto }) {
  const groups = FINDING_KINDS.map((kind) => ({ kind, findings: proposal.findings.filter((f) => f.kind === kind) })).filter((g) => g.findings.length > 0)
  const errors = usePaged(proposal.rowErrors)
  return (
    <View id="import-findings">
      {proposal.rowErrors.length > 0 ? (
        <View id="import-row-errors" className="c-card">
          <View className="c-card__title">
            <Text>读不出来的行</Text>
            <Text className="c-muted">{proposal.rowErrors.length} 行</Text>
          </View>
          <Text className="hh-note">这些行不会导入，请在名单里改好后重新上传。</Text>
          {errors.shown.map((e) => (
            <Text key={e.row} id={`row-error-${e.row}`} className="hh-item hh-error">
              {e.message}
            </Text>
          ))}
          <ShowMore paged={errors} label="显示更多 ›" />
        </View>
      ) : null}
      {proposal.mapping !== null ? (
        <Text id="findings-summary" className="hh-note">
          核对结果：{groups.length === 0 ? '名单里没有数据行' : groups.map((g) => `${FINDING_LABELS[g.kind]} ${g.findings.length}`).join('，')}
        </Text>
      ) : null}
      {groups.map((g) => (
        <FindingGroup key={g.kind} kind={g.kind} findings={g.findings} />
      ))}
    </View>
  )
}
