/** One member: village, flags, products and this week's sales, with the manager's switches; the page adds the household line. */
import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { MemberDto } from '@contracts/coop'
import { formatFen, formatKg } from '../../shared/format'

const ghost = (off: boolean) => `c-button c-button--ghost c-button--small${off ? ' c-button--off' : ''}`

export interface MemberActions {
  busy: boolean
  onActive: (m: MemberDto) => void
}

export function MemberCard({ m, actions, household }: { m: MemberDto; actions: MemberActions; household?: ReactNode }) {
  return (
    <View id={`member-${m.farmerId}`} className="c-card">
      <View className="c-card__title">
        <Text>
          {m.name}
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
      {household}
      <View className="c-actions">
        <Button id={`active-${m.farmerId}`} className={ghost(actions.busy)} disabled={actions.busy} onClick={() => actions.onActive(m)}>
          {m.active ? '停用' : '重新启用'}
        </Button>
      </View>
    </View>
  )
}
