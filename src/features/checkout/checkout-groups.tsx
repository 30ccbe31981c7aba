/** The server's preview, one block per farmer: items, 运费 and how it was worked out, 小计. */
import { Image, Text, View } from '@tarojs/components'
import type { CheckoutPreviewDto, PreviewGroupDto, PreviewLineDto } from '@contracts/orders'
import { formatFen } from '@domain/money'
import { mediaUrl } from '../../lib/media'

function problemText(line: PreviewLineDto, province: string | null): string | null {
  if (line.problem === null) return null
  if (line.problem === 'NOT_SERVED') return `不能寄到${province ?? '这个地区'}`
  if (line.problem === 'UNAVAILABLE') return '商品已下架'
  if (line.problem === 'SOLD_OUT' || line.stock <= 0) return '已售罄'
  return `库存不足，仅剩 ${line.stock} 件`
}

/** 运费's figure: 不发货, 包邮 or the amount. */
function feeText(g: PreviewGroupDto): string {
  if (g.freight.notServed) return '不发货'
  return g.shippingFen === 0 ? '包邮' : formatFen(g.shippingFen)
}

export function CheckoutGroups({ preview }: { preview: CheckoutPreviewDto }) {
  return (
    <View>
      {preview.groups.map((g) => (
        <View key={g.farmer.id} id={`checkout-group-${g.farmer.id}`} className="checkout__block">
          <Text className="checkout__heading">
            {g.farmer.name}
            <Text className="checkout__village"> · {g.farmer.village}</Text>
          </Text>
          {g.lines.map((l) => {
            const problem = problemText(l, g.freight.province)
            return (
              <View key={l.specId} className="checkout-line">
                {l.cover ? (
                  <Image className="checkout-line__photo" src={mediaUrl(l.cover.thumbUrl)} mode="aspectFill" lazyLoad />
                ) : (
                  <View className="checkout-line__photo" />
                )}
                <View className="checkout-line__body">
                  <Text className="checkout-line__title">{l.title}</Text>
                  <Text className="checkout-line__spec">{l.specName}</Text>
                  {problem ? <Text className="checkout-line__problem">{problem}</Text> : null}
                </View>
                <View className="checkout-line__side">
                  <Text className="checkout-line__price">{formatFen(l.unitPriceFen)}</Text>
                  <Text className="checkout-line__qty">×{l.quantity}</Text>
                </View>
              </View>
            )
          })}
          <View className="checkout__row">
            <Text>商品金额</Text>
            <Text>{formatFen(g.itemsFen)}</Text>
          </View>
          <View className="checkout__row">
            <Text>运费</Text>
            <Text id={`checkout-fee-${g.farmer.id}`}>{feeText(g)}</Text>
          </View>
          {/* not served: the notice above says why */}
          {g.freight.explanation && !g.freight.notServed && g.freight.explanation !== feeText(g) ? (
            <Text id={`checkout-freight-${g.farmer.id}`} className="checkout__freight-why">
              {g.freight.explanation}
            </Text>
          ) : null}
          <View className="checkout__row checkout__row--strong">
            <Text>小计</Text>
            <Text className="checkout__price">{formatFen(g.totalFen)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
