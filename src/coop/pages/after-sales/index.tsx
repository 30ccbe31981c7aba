/**
 * 售后与退款: 1. claims waiting for the cooperative's decision (the farmer contested, did not
 * answer in 24 h, or the buyer refused the farmer's offer) — decide the amount and who bears it;
 * 2. refunds WeChat could not pay back or refused — what to do, then 标记已处理.
 */
import { Text, View } from '@tarojs/components'
import { PagedList } from '../../../components/paged-list'
import { EmptyState } from '../../../components/status'
import { stopPullDownRefresh, usePullDownRefresh, useReachBottom } from '../../../lib/page'
import { EscalatedClaimCard, RefundAttentionCard, useAfterSales } from '../../features/after-sales'
import { coopPage } from '../../shared/coop-gate'
import { Loaded } from '../../shared/loaded'
import '../../shared/coop.scss'
import '../../features/after-sales/after-sales.scss'

function AfterSales() {
  const page = useAfterSales()
  const { claims, refunds, busy } = page
  useReachBottom(() => claims.loadMore())
  usePullDownRefresh(() => {
    void page.refresh().finally(stopPullDownRefresh)
  })

  return (
    <View>
      <View className="c-as-section">
        <Text>待合作社裁定</Text>
        <Text className="c-as-section__hint">先申请的在前</Text>
      </View>
      <PagedList list={claims} className="c-as-claims" emptyText="没有待裁定的售后" emptyHint="农户有异议、24小时没处理，或买家不同意农户的金额时，会出现在这里">
        {claims.items.map((c) => (
          <EscalatedClaimCard key={c.id} claim={c} busy={busy} onDecide={page.decide} />
        ))}
      </PagedList>

      <View className="c-as-section">
        <Text>异常与失败的退款</Text>
      </View>
      <Loaded resource={refunds}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState text="没有需要处理的退款" hint="微信退款异常或失败时，会出现在这里" />
          ) : (
            <View id="attention-list">
              {data.items.map((r) => (
                <RefundAttentionCard key={r.id} refund={page.shown(r)} busy={busy} onResolve={page.resolve} />
              ))}
            </View>
          )
        }
      </Loaded>
    </View>
  )
}

export default coopPage(AfterSales)
