/** A household's status as a badge (在册 · 监测户 · 已脱贫), and the member card's household line. */
import { Text, View } from '@tarojs/components'
import type { HouseholdListDto } from '@contracts/households'
import type { HouseholdStatus } from '@domain/households'
import { statusLabel } from './labels'
import './households.scss'

export type HouseholdListItem = HouseholdListDto['members'][number]

export function HouseholdBadge({ id, status }: { id?: string; status: HouseholdStatus | null }) {
  return (
    <Text id={id} className={`hh-badge${status ? ` hh-badge--${status}` : ''}`}>
      {statusLabel(status)}
    </Text>
  )
}

/** 户编号 5205****0173 [在册] … 在册信息 ›  (item undefined while the list loads or when it failed). */
export function MemberHousehold({ farmerId, item, onOpen }: { farmerId: number; item: HouseholdListItem | undefined; onOpen: () => void }) {
  return (
    <View id={`member-household-${farmerId}`} className="hh-member">
      <View>
        {item ? (
          <Text id={`household-no-${farmerId}`} className="hh-member__no">
            {item.registryNoMasked ? `户编号 ${item.registryNoMasked}` : '未登记户编号'}
          </Text>
        ) : null}
        {item && (item.status || item.registryNoMasked) ? <HouseholdBadge id={`household-badge-${farmerId}`} status={item.status} /> : null}
      </View>
      <Text id={`open-household-${farmerId}`} className="hh-member__open" onClick={onOpen}>
        在册信息 ›
      </Text>
    </View>
  )
}
