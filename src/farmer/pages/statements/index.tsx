/** 我的结算单: the farmer's weekly statements from the cooperative, newest first (pull down to refresh). */
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../components/status'
import { userMessage } from '../../../lib/api-error'
import { stopPullDownRefresh, usePullDownRefresh } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { FarmerSignIn, useIsFarmer } from '../../shared/farmer-gate'
import { REFUND_WEEK_RULE } from '@domain/settlement'
import { StatementCard, fetchMyStatements } from '../../features/statements'
import '../../features/fulfilment/fulfilment.scss'

export default function StatementsPage() {
  const isFarmer = useIsFarmer()
  const list = useResource(isFarmer ? 'my-statements' : null, fetchMyStatements)
  usePullDownRefresh(() => {
    void list.refresh().finally(stopPullDownRefresh)
  })

  if (!isFarmer) return <FarmerSignIn />
  const { state } = list
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <ErrorState message={userMessage(state.error)} onRetry={list.retry} />
  if (state.data.statements.length === 0) {
    return (
      <View className="f-page">
        <EmptyState text="还没有结算单" hint="有订单付款后，每周的结算单会出现在这里" />
      </View>
    )
  }
  return (
    <View className="f-page">
      <Text className="f-st-intro">每周一张结算单。“待确认”的金额还会随新订单和退款变化；合作社确认后金额不再变动，付款后会写上转账凭证号。</Text>
      <Text id="refund-rule" className="f-st-rule">
        {REFUND_WEEK_RULE}
      </Text>
      {state.data.statements.map((s) => (
        <StatementCard key={s.week} s={s} />
      ))}
    </View>
  )
}
