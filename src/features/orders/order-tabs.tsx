/** 全部 / 待付款 / 待发货 / 待收货 / 已完成 / 已取消 / 退款 */
import { ScrollView, Text, View } from '@tarojs/components'
import type { OrderStatusDto } from '@contracts/orders'
import { ORDER_TABS } from './labels'
import './order-list.scss'

interface Props {
  value: OrderStatusDto | null
  onChange: (status: OrderStatusDto | null) => void
}

export function OrderTabs({ value, onChange }: Props) {
  return (
    <ScrollView className="order-tabs" scrollX enhanced showScrollbar={false}>
      <View className="order-tabs__row">
        {ORDER_TABS.map((t) => (
          <View
            key={t.label}
            id={`orders-tab-${t.status ?? 'all'}`}
            className={`order-tabs__tab${t.status === value ? ' order-tabs__tab--on' : ''}`}
            onClick={() => onChange(t.status)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
