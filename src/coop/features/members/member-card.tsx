/** One member: village, flags, products and this week's sales, with the manager's switches. */
import { Button, Text, View } from '@tarojs/components'
import type { MemberDto } from '@contracts/coop'
import { formatFen, formatKg } from '../../shared/format'

const ghost = (off: boolean) => `c-button c-button--ghost c-button--small${off ? ' c-button--off' : ''}`

export interface MemberActions {
  busy: boolean
  onPoor: (m: MemberDto) => void
  onActive: (m: MemberDto) => void
}

export function MemberCard({ m, actions }: { m: MemberDto; actions: MemberActions }) {
  return (
    <View id={`member-${m.farmerId}`} className="c-card">
      <View className="c-card__title">
        <Text>
          {m.name}
          {m.isPoorHousehold ? <Text className="c-tag c-tag--poor">脱贫户</Text> : null}
          {m.active ? null : <Text className="c-tag">已停用</Text>}
          {m.joined ? null : <Text className="c-tag">未绑定微信</Text>}
        </Text>
        <Text className="c-muted">{m.village}</Text>
      </View>
      <View className="c-row">
        <Text className="c-row__label">商品</Text>
        <Text>
          {m.productsOnSale} 在售 / 共 {m.products}
        </Text>
      </View>
      <View className="c-row">
        <Text className="c-row__label">本周</Text>
        <Text>
          {m.week.orders}单 · {formatKg(m.week.weightKg)} · {formatFen(m.week.netFen)}
        </Text>
      </View>
      <View className="c-actions">
        <Button id={`poor-${m.farmerId}`} className={ghost(actions.busy)} disabled={actions.busy} onClick={() => actions.onPoor(m)}>
          {m.isPoorHousehold ? '取消脱贫户标记' : '标记为脱贫户'}
        </Button>
        <Button id={`active-${m.farmerId}`} className={ghost(actions.busy)} disabled={actions.busy} onClick={() => actions.onActive(m)}>
          {m.active ? '停用' : '重新启用'}
        </Button>
      </View>
    </View>
  )
}
