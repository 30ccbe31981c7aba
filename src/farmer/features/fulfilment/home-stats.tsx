/** The farmer home's four cards (本周订单, 本周收入, 待发货, 库存不足) and the low-stock list. */
import { Text, View } from '@tarojs/components'
import type { FarmerHomeDto } from '@contracts/fulfilment'
import { formatFen } from '@domain/money'
import { quantityText } from './labels'
import './home.scss'

function Card({ id, label, value, hint, alert, onClick }: { id: string; label: string; value: string; hint?: string; alert?: boolean; onClick?: () => void }) {
  return (
    <View id={id} className={`f-stat${alert ? ' f-stat--alert' : ''}`} onClick={onClick}>
      <Text className="f-stat__label">{label}</Text>
      <Text className="f-stat__value">{value}</Text>
      {hint ? <Text className="f-stat__hint">{hint}</Text> : null}
    </View>
  )
}

export function HomeStats({ home, onToShip }: { home: FarmerHomeDto; onToShip: () => void }) {
  const sold = home.quantities.map((q) => quantityText(q.quantity, q.unit)).join(' · ')
  return (
    <View>
      <Text className="f-week">
        本周 {Number(home.weekFirstDay.slice(5, 7))}月{Number(home.weekFirstDay.slice(8))}日 – {Number(home.weekLastDay.slice(5, 7))}月
        {Number(home.weekLastDay.slice(8))}日
      </Text>
      <View className="f-stats">
        <Card id="home-orders" label="本周订单" value={`${home.ordersCount}单`} hint={sold || '还没有卖出'} />
        <Card id="home-revenue" label="本周收入" value={formatFen(home.revenueFen)} hint="已扣除退款" />
        <Card id="home-to-ship" label="待发货" value={`${home.toShipCount}单`} hint="点这里去发货" alert={home.toShipCount > 0} onClick={onToShip} />
        <Card id="home-low-stock" label="库存不足" value={`${home.lowStock.length}个`} hint="剩5份或更少" alert={home.lowStock.length > 0} />
      </View>
      {home.lowStock.length > 0 ? (
        <View className="f-low">
          <Text className="f-low__title">这些规格快卖完了，记得补货</Text>
          {home.lowStock.map((s) => (
            <View key={s.specId} className="f-low__row">
              <Text className="f-low__name">
                {s.title} {s.specName}
              </Text>
              <Text className="f-low__stock">剩 {s.stock}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
