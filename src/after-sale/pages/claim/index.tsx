/** 申请售后 (`?orderId=`): the order's lines without an open claim, then the claim form; filed → 售后进度. */
import { View } from '@tarojs/components'
import { LoadError } from '../../../components/load-error'
import { EmptyState, LoadingState } from '../../../components/status'
import { ApiError } from '../../../lib/api-error'
import { goBack, parseIdParam, replacePage, routes } from '../../../lib/navigation'
import { useRouter } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { ClaimForm, claimableItems, fetchOrder, fetchOrderClaims } from '../../features/claims'

async function load(orderId: number | null) {
  if (orderId === null) throw new ApiError('NOT_FOUND', 404, '订单不存在')
  const [order, claims] = await Promise.all([fetchOrder(orderId), fetchOrderClaims(orderId)])
  return { order, claims }
}

export default function ClaimPage() {
  const orderId = parseIdParam(useRouter().params.orderId)
  const resource = useResource(`claim-form:${orderId ?? 'none'}`, () => load(orderId))
  const { state } = resource

  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <LoadError error={state.error} missingText="订单不存在" onRetry={resource.retry} />
  const { order, claims } = state.data
  if (claimableItems(order, claims).length === 0) {
    return (
      <View className="claim-page" onClick={goBack}>
        <EmptyState text="这单的商品都已在售后处理中" hint="点这里返回订单查看进度 ›" />
      </View>
    )
  }
  return <ClaimForm order={order} claims={claims} onFiled={(claim) => replacePage(routes.claimDetail(claim.id))} />
}
