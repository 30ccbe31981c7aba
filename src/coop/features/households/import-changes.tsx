/** The changes a county list proposes (or, once applied, made): whose status goes from what to what, since when. */
import { Text, View } from '@tarojs/components'
import type { ImportProposalDto } from '@contracts/households'
import { ShowMore, usePaged } from '../../shared/paged'
import { formatDate, statusLabel } from './labels'

export function ImportChanges({ proposal }: { proposal: ImportProposalDto }) {
  const applied = proposal.status === 'applied'
  const paged = usePaged(proposal.changes)
  const n = proposal.changes.length
  return (
    <View id="import-changes" className="c-card">
      <View className="c-card__title">
        <Text id="import-changes-title">{applied ? `已导入 ${n} 位社员的变更` : `确认后将变更 ${n} 位社员`}</Text>
      </View>
      {n === 0 ? <Text className="hh-note">没有需要变更的社员。</Text> : null}
      {paged.shown.map((c) => (
        <View key={c.farmerId} id={`change-${c.farmerId}`} className="hh-item">
          <View className="hh-item__head">
            <Text>{c.farmerName}</Text>
            <Text className="hh-item__sub">第{c.row}行</Text>
          </View>
          <Text id={`change-${c.farmerId}-status`}>
            {c.from ? statusLabel(c.from.status) : '未在册'} → {statusLabel(c.to.status)}，自{formatDate(c.to.since)}起
          </Text>
          <Text className="hh-item__sub">
            户编号 {c.to.registryNoMasked} · 户主 {c.to.headName}
          </Text>
        </View>
      ))}
      <ShowMore paged={paged} label="显示更多 ›" />
    </View>
  )
}
