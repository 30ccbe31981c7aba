/** 我的 page: "我的订单" with a shortcut into each tab. */
import { Text, View } from '@tarojs/components'
import { openPage, routes } from '../../lib/navigation'
import { ORDER_TABS } from './labels'
import './order-shortcuts.scss'

export function OrderShortcuts() {
  return (
    <View className="order-shortcuts" id="mine-orders">
      <View id="mine-orders-all" className="order-shortcuts__head" onClick={() => openPage(routes.orders())}>
        <Text className="order-shortcuts__title">我的订单</Text>
        <Text className="order-shortcuts__more">全部订单 ›</Text>
      </View>
      <View className="order-shortcuts__row">
        {ORDER_TABS.filter((t) => t.status !== null).map((t) => (
          <View
            key={t.label}
            id={`mine-orders-${t.status}`}
            className="order-shortcuts__item"
            onClick={() => openPage(routes.orders(t.status))}
          >
            <View className={`order-shortcuts__icon order-shortcuts__icon--${t.status}`}>
              <Text>{t.label.slice(0, 1)}</Text>
            </View>
            <Text className="order-shortcuts__label">{t.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
