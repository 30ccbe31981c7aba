/** 售后: buyers' claims on my orders — 待处理 (waiting for my answer) or 全部; accept, offer another amount, or contest. */
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ClaimStatus } from '@domain/claim-states'
import { PagedList } from '../../../components/paged-list'
import { stopPullDownRefresh, useDidShow, usePullDownRefresh, useReachBottom } from '../../../lib/page'
import { FarmerSignIn, useIsFarmer } from '../../shared/farmer-gate'
import { ClaimCard, useClaimQueue } from '../../features/claims'
import '../../features/fulfilment/fulfilment.scss'
import '../../features/claims/claims.scss'

const TABS: readonly { label: string; status: ClaimStatus | null }[] = [
  { label: '待处理', status: 'open' },
  { label: '全部', status: null },
]

export default function FarmerClaimsPage() {
  const isFarmer = useIsFarmer()
  const [status, setStatus] = useState<ClaimStatus | null>('open')
  const queue = useClaimQueue(status, isFarmer)
  const shown = useRef(false)

  useReachBottom(() => queue.loadMore())
  usePullDownRefresh(() => {
    void queue.refresh().finally(stopPullDownRefresh)
  })
  useDidShow(() => {
    if (shown.current) void queue.refresh()
    shown.current = true
  })

  if (!isFarmer) return <FarmerSignIn />
  return (
    <View className="f-page">
      <View className="f-claims-tabs">
        {TABS.map((t) => (
          <Text
            key={t.label}
            id={`claims-tab-${t.status ?? 'all'}`}
            className={`f-claims-tabs__tab${t.status === status ? ' f-claims-tabs__tab--on' : ''}`}
            onClick={() => setStatus(t.status)}
          >
            {t.label}
          </Text>
        ))}
      </View>
      <Text className="f-claims-intro">买家收货后觉得有问题（坏果、少斤等）会在这里申请退款。请在24小时内处理，逾期由合作社处理。</Text>
      <PagedList
        list={queue}
        className="f-claims"
        emptyText={status === 'open' ? '没有要处理的售后' : '还没有售后申请'}
        emptyHint="买家申请售后时，会出现在这里"
      >
        {queue.items.map((c) => (
          <ClaimCard key={c.id} claim={c} onChanged={queue.replace} onStale={() => void queue.refresh()} />
        ))}
      </PagedList>
    </View>
  )
}
