/** A member's household as the registry has it: the full 户编号 (this view is audited), the head, today's status, the history. */
import { Text, View } from '@tarojs/components'
import type { HouseholdDetailDto } from '@contracts/households'
import { HouseholdBadge } from './household-badge'
import { formatDate, sourceLabel, statusLabel } from './labels'

export function HouseholdSummary({ detail }: { detail: HouseholdDetailDto }) {
  const { current } = detail
  return (
    <View id="household-summary" className="c-card">
      <View className="c-card__title">
        <Text>{detail.name}</Text>
        <Text className="c-muted">{detail.village}</Text>
      </View>
      <View className="c-row">
        <Text className="c-row__label">户编号</Text>
        <Text id="household-registry-no" className={detail.registryNo ? 'hh-big' : ''}>
          {detail.registryNo ?? '未登记'}
        </Text>
      </View>
      <View className="c-row">
        <Text className="c-row__label">户主</Text>
        <Text id="household-head">{detail.headName || '—'}</Text>
      </View>
      <View className="c-row">
        <Text className="c-row__label">当前</Text>
        <Text id="household-current">
          <HouseholdBadge id="household-status" status={current?.status ?? null} />
          {current ? ` 自${formatDate(current.startedOn)}起${current.endedOn ? `，到${formatDate(current.endedOn)}为止` : ''}` : ''}
        </Text>
      </View>
      <Text id="household-audit-note" className="hh-note">
        户编号是社员的个人信息，只有合作社管理员能看到；查看记录会留痕。
      </Text>
    </View>
  )
}

export function HouseholdHistory({ history }: { history: HouseholdDetailDto['history'] }) {
  // The server sends them newest first.
  const newestFirst = history
  return (
    <View id="household-history" className="c-card">
      <View className="c-card__title">
        <Text>变动记录</Text>
        <Text className="c-muted">{history.length > 0 ? `${history.length} 条` : ''}</Text>
      </View>
      {newestFirst.length === 0 ? (
        <Text id="household-history-empty" className="hh-note">
          还没有在册记录。在下面填好户编号和状态即可登记，或从县里的名单导入。
        </Text>
      ) : (
        newestFirst.map((p) => (
          <View key={p.id} id={`period-${p.id}`} className="hh-item">
            <View className="hh-item__head">
              <Text>{statusLabel(p.status)}</Text>
              <Text className="hh-item__sub">{sourceLabel(p.source)}</Text>
            </View>
            <Text className="hh-item__sub">
              {formatDate(p.startedOn)} – {p.endedOn ? formatDate(p.endedOn) : '至今'}
            </Text>
          </View>
        ))
      )}
    </View>
  )
}
