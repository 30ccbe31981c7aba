/** A freight template as a readable table: where, how much; then 包邮, 不发货地区, 发货地. */
import { Text, View } from '@tarojs/components'
import type { FreightTemplateDto } from '@contracts/freight'
import { formatFen } from '@domain/money'
import { BASIS_WORDS, tableRows, zonePlaces } from './labels'
import './freight.scss'

export function TemplateTable({ template: t, id }: { template: FreightTemplateDto; id?: string }) {
  return (
    <View id={id} className="fr-table">
      <View className="fr-table__head">
        <Text className="fr-table__name">{t.name}</Text>
        <Text className="fr-table__basis">{BASIS_WORDS[t.basis]}计费</Text>
      </View>
      {tableRows(t).map((r) => (
        <View key={r.key} className="fr-table__row">
          <Text className="fr-table__places">{r.places}</Text>
          <Text className="fr-table__rule">{r.rule}</Text>
        </View>
      ))}
      <View className="fr-table__row">
        <Text className="fr-table__places">包邮</Text>
        <Text className="fr-table__rule">{t.freeFromFen === null ? '不包邮' : `满${formatFen(t.freeFromFen)}包邮`}</Text>
      </View>
      <View className="fr-table__row">
        <Text className="fr-table__places">不发货地区</Text>
        <Text className="fr-table__rule">{t.notServed.length > 0 ? zonePlaces(t.notServed) : '没有'}</Text>
      </View>
      <View className="fr-table__row">
        <Text className="fr-table__places">发货地</Text>
        <Text className="fr-table__rule">{t.shipsFrom || '没填'}</Text>
      </View>
    </View>
  )
}
