/**
 * The provinces as chips: tap to put one into this group (or 不发货地区); a province that sits
 * elsewhere says where, and a tap moves it here.
 */
import { Text, View } from '@tarojs/components'
import { PROVINCES } from '@domain/freight'
import { shortProvince } from './labels'

interface Props {
  idPrefix: string
  selected: readonly string[]
  /** Province → where it is now ("分组2", "不发货"), for those in another place. */
  elsewhere: ReadonlyMap<string, string>
  onToggle: (province: string) => void
}

export function ProvincePicker({ idPrefix, selected, elsewhere, onToggle }: Props) {
  return (
    <View className="fr-picker">
      {PROVINCES.map((p, i) => {
        const on = selected.includes(p)
        const where = on ? undefined : elsewhere.get(p)
        return (
          <View key={p} id={`${idPrefix}-province-${i}`} className={`fr-chip${on ? ' fr-chip--on' : ''}${where ? ' fr-chip--elsewhere' : ''}`} onClick={() => onToggle(p)}>
            <Text>{shortProvince(p)}</Text>
            {where ? <Text className="fr-chip__where">{where}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
