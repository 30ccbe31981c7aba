/** 打包清单: what to pack today, by spec, with the totals (a list to read out while packing). */
import { Text, View } from '@tarojs/components'
import type { PackingListDto } from '@contracts/fulfilment'
import { formatChinaDay } from '@domain/dates'
import { kgText, quantityText } from './labels'
import './packing.scss'

export function PackingView({ list }: { list: PackingListDto }) {
  return (
    <View className="f-packing">
      <View className="f-packing__summary">
        <Text className="f-packing__date">{formatChinaDay(list.date)} 要打包</Text>
        <Text id="packing-orders" className="f-packing__big">
          共 {list.ordersCount} 单
        </Text>
        <Text id="packing-weight" className="f-packing__muted">
          净重合计 {kgText(list.totalNetWeightKg)}
        </Text>
      </View>
      {list.lines.length === 0 ? <Text className="f-packing__empty">今天没有要打包的订单</Text> : null}
      {list.lines.map((l) => (
        <View key={l.specId} id={`packing-line-${l.specId}`} className="f-packing__line">
          <View className="f-packing__what">
            <Text className="f-packing__title">{l.title}</Text>
            <Text className="f-packing__spec">
              {l.specName} · {l.orders}单
            </Text>
          </View>
          <View className="f-packing__how-many">
            <Text className="f-packing__qty">{quantityText(l.quantity, '份')}</Text>
            <Text className="f-packing__muted">{kgText(l.netWeightKg)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
